import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConformanceReport } from '../api/types.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { pickText, useLang } from '../i18n/useLang.js';
import { describeReplayReason } from './describeReplayReason.js';
import { protocolsOfRow } from './protocolsOfRow.js';
import { replayEventTitle } from './replayEventTitle.js';
import { replayNames, type ProtocolTexts } from './replayNames.js';
import './audit.css';

/**
 * A replay event by event: accepted again, same state as recorded, hash intact, and why not,
 * naming events as the history does, and stages, steps, forms and fields by their titles in the
 * version each event ran under (`versions`, by "id@version"), then in `protocols` (the versions
 * the replay involves; for a what-if, `compared`, the one compared with first and foremost).
 * Notes (what informs without diverging) are listed apart from the reasons.
 */
export function ConformanceTable({
  report,
  caption,
  protocols = [],
  versions = NO_VERSIONS,
  compared = false,
}: {
  report: ConformanceReport;
  caption: string;
  protocols?: readonly ProtocolTexts[];
  versions?: ReadonlyMap<string, ProtocolTexts>;
  /** A what-if: `protocols` starts with the version compared with. */
  compared?: boolean;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const rowNames = useMemo(
    () =>
      report.events.map((e) =>
        replayNames(protocolsOfRow(e, protocols, versions, compared), (text) => pickText(text, lang)),
      ),
    [report, protocols, versions, compared, lang],
  );
  const date = (iso: string) => formatDateTime(iso, lang);
  const mark = (ok: boolean) => (
    <span className={ok ? 'audit-ok' : 'audit-bad'}>{ok ? `✓ ${t('audit.yes')}` : `✗ ${t('audit.no')}`}</span>
  );
  return (
    <div className="table-scroll">
      <table className="worklist audit-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.seq')}</th>
            <th scope="col">{t('audit.event')}</th>
            <th scope="col">{t('audit.accepted')}</th>
            <th scope="col">{t('audit.sameState')}</th>
            <th scope="col">{t('audit.hashIntact')}</th>
            <th scope="col">{t('audit.reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {report.events.map((e, i) => {
            const names = rowNames[i]!;
            return (
              <tr key={i} className={i === report.firstDivergence ? 'row-overdue' : undefined}>
                <td>{e.seq}</td>
                <th scope="row" title={e.type || undefined}>
                  {replayEventTitle(e.type, t, names, {
                    from: report.events[i - 1]?.protocol,
                    to: e.protocol,
                  })}
                </th>
                <td>{mark(e.accepted)}</td>
                <td>{mark(e.sameState)}</td>
                <td>{mark(e.hashIntact)}</td>
                <td className="audit-reasons-cell">
                  {e.reasons.length === 0 && !e.notes?.length ? null : (
                    <ul className="audit-reasons">
                      {e.reasons.map((r, k) => (
                        <li key={k}>{describeReplayReason(r, e, t, names, date)}</li>
                      ))}
                      {(e.notes ?? []).map((r, k) => (
                        <li key={`note-${k}`} className="audit-note">
                          <strong>{t('audit.note')}</strong> {describeReplayReason(r, e, t, names, date)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const NO_VERSIONS: ReadonlyMap<string, ProtocolTexts> = new Map();
