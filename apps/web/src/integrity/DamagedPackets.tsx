import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DamagedPacket } from '../api/types.js';

/**
 * The handovers whose stored packet the last sweep found damaged: which handover, between which
 * countries and cases, and what is wrong (field names at most, never a value). A case is linked
 * where the user's country may open it.
 */
export function DamagedPackets(props: {
  rows: DamagedPacket[];
  total: number;
  /** Whether the user may open cases of the country. */
  sees: (country: string) => boolean;
  when: (iso: string) => string;
}) {
  const { t } = useTranslation();
  const { rows, total, sees, when } = props;
  const caseCell = (caseId: string | null, country: string) =>
    caseId === null ? (
      '—'
    ) : sees(country) ? (
      <Link to={`/cases/${encodeURIComponent(caseId)}`}>{caseId}</Link>
    ) : (
      caseId
    );
  if (rows.length === 0) return <p>{t('integrity.packets.none')}</p>;
  return (
    <>
      <table className="worklist integrity-packets">
        <caption>{t('integrity.packets.caption', { count: total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('integrity.packets.handover')}</th>
            <th scope="col">{t('integrity.packets.countries')}</th>
            <th scope="col">{t('integrity.packets.sendingCase')}</th>
            <th scope="col">{t('integrity.packets.receivedCase')}</th>
            <th scope="col">{t('integrity.packets.status')}</th>
            <th scope="col">{t('integrity.where')}</th>
            <th scope="col">{t('integrity.foundAt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.handoverId}>
              <td>{h.handoverId}</td>
              <td>
                {t('handover.item', {
                  from: t(`countries.${h.fromCountry}`),
                  to: t(`countries.${h.toCountry}`),
                })}
              </td>
              <td>{caseCell(h.caseId, h.fromCountry)}</td>
              <td>{caseCell(h.linkedCaseId, h.toCountry)}</td>
              <td>{t(`handover.status.${h.status}`)}</td>
              <td>{describePacketProblem(h.problem, t)}</td>
              <td>{when(h.foundAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length ? <p>{t('integrity.more', { shown: rows.length, total })}</p> : null}
    </>
  );
}

type T = (key: string, opts?: Record<string, unknown>) => string;

/** What is wrong with a packet, as one phrase in the page's language. */
function describePacketProblem(p: DamagedPacket['problem'], t: T): string {
  switch (p.code) {
    case 'unreadable':
      return t('integrity.packets.problem.unreadable');
    case 'altered':
      return t('integrity.packets.problem.altered');
    case 'differs-from-received':
      return t('integrity.packets.problem.differsFromReceived', { fields: p.fields.join(', ') });
    case 'differs-from-history':
      return t('integrity.packets.problem.differsFromHistory', {
        fields: p.fields.join(', '),
        seq: p.seq ?? '?',
      });
    case 'not-in-history':
      return t('integrity.packets.problem.notInHistory', { seq: p.seq ?? '?' });
    case 'missing':
      return t('integrity.packets.problem.missing');
  }
}
