import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api.js';
import { loadVersions } from '../api/protocolVersions.js';
import { useProtocolSummaries } from '../api/protocolSummaries.js';
import type { ChainReport, ConformanceReport, ProtocolSummary } from '../api/types.js';
import { familyOf } from '../handovers/receivingProtocol.js';
import { pickText, useLang } from '../i18n/useLang.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { ConformanceTable } from './ConformanceTable.js';
import { describeChainReport } from './describeChainReport.js';
import { describeDocumentDifferences } from './describeDocumentDifferences.js';
import { protocolsOfReplay } from './protocolsOfReplay.js';
import { protocolsOfRow } from './protocolsOfRow.js';
import { replayEventTitle } from './replayEventTitle.js';
import { replayNames, type ProtocolTexts } from './replayNames.js';

/** A replay's versions: those its reasons are worded with, and those its events ran under (by "id@version"). */
interface Worded {
  protocols: ProtocolTexts[];
  versions: ReadonlyMap<string, ProtocolTexts>;
}

type Result =
  | { kind: 'chain'; report: ChainReport; protocols: ProtocolTexts[] }
  | ({ kind: 'replay'; report: ConformanceReport } & Worded)
  | ({ kind: 'whatIf'; report: ConformanceReport; against: string } & Worded);

/**
 * The audit of one case, for auditors and supervisors: whether its stored history still hashes
 * as recorded, a replay against the protocol versions it ran under (event by event), and a
 * what-if replay against another published version or another country's variant, which says
 * where and why the case would have gone otherwise. Each check is read-logged by the server.
 */
export function AuditPanel({
  caseId,
  ranUnder,
}: {
  caseId: string;
  ranUnder: { id: string; version: number };
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const protocols = useProtocolSummaries();
  const [against, setAgainst] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<Result | null>(null);

  const run = async (check: () => Promise<Result>) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await check());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  // Only versions and national variants of the case's own protocol family, as for a migration:
  // another family's steps and forms have nothing to say about this case.
  const family = familyOf(ranUnder, protocols);
  const others = protocols.filter(
    (p: ProtocolSummary) =>
      p.status === 'published' &&
      !(p.id === ranUnder.id && p.version === ranUnder.version) &&
      familyOf(p, protocols) === family,
  );
  const label = (p: ProtocolSummary) =>
    t('audit.versionOption', {
      title: pick(p.title),
      version: p.version,
      jurisdiction: t(`countries.${p.jurisdiction}`),
    });

  return (
    <div className="audit-panel">
      <p className="hint">{t('audit.lede')}</p>
      <p className="button-row">
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() =>
            void run(async () => ({
              kind: 'chain',
              report: await api.auditChain(caseId),
              protocols: await protocolsOfReplay([ranUnder]),
            }))
          }
        >
          {t('audit.checkChain')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const report = await api.auditReplay(caseId);
              return {
                kind: 'replay',
                report,
                protocols: await protocolsOfReplay([report.protocol, ranUnder]),
                versions: await loadVersions(versionsOfReport(report)),
              };
            })
          }
        >
          {t('audit.replay')}
        </button>
      </p>
      <div className="field">
        <label htmlFor="audit-against">{t('audit.whatIfLabel')}</label>
        <select id="audit-against" value={against} onChange={(e) => setAgainst(e.target.value)}>
          <option value="">{t('audit.choose')}</option>
          {others.map((p) => (
            <option key={`${p.id}@${p.version}`} value={`${p.id}@${p.version}`}>
              {label(p)}
            </option>
          ))}
        </select>
      </div>
      <p className="button-row">
        <button
          type="button"
          className="btn"
          disabled={busy || against === ''}
          onClick={() => {
            const [id, version] = against.split('@');
            const chosen = others.find((p) => `${p.id}@${p.version}` === against);
            void run(async () => {
              const report = await api.auditWhatIf(caseId, { id: id!, version: Number(version) });
              return {
                kind: 'whatIf',
                report,
                against: chosen ? label(chosen) : against,
                protocols: await protocolsOfReplay([report.protocol, ranUnder]),
                versions: await loadVersions(versionsOfReport(report)),
              };
            });
          }}
        >
          {t('audit.whatIf')}
        </button>
      </p>
      {busy ? (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {result ? <AuditResult result={result} /> : null}
    </div>
  );
}

function AuditResult({ result }: { result: Result }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const names = useMemo(
    () => replayNames(result.protocols, (text) => pickText(text, lang)),
    [result.protocols, lang],
  );
  if (result.kind === 'chain') {
    const r = result.report;
    return (
      <p className={`alert ${r.ok ? 'alert-ok' : 'alert-error'}`} role="status" data-testid="audit-summary">
        {describeChainReport(r, t, names)}
      </p>
    );
  }
  const r = result.report;
  const diverges = r.firstDivergence !== null ? r.events[r.firstDivergence] : undefined;
  const event = diverges
    ? replayEventTitle(
        diverges.type,
        t,
        replayNames(
          protocolsOfRow(diverges, result.protocols, result.versions, result.kind === 'whatIf'),
          (text) => pickText(text, lang),
        ),
        { from: r.events[r.firstDivergence! - 1]?.protocol, to: diverges.protocol },
      )
    : '';
  // The stored case differing from its history: said on its own, or beside a diverging event.
  const documentText =
    r.document && r.document.length > 0
      ? t('audit.chain.documentDiffers', { parts: describeDocumentDifferences(r.document, t, names) })
      : null;
  const summary = r.ok
    ? result.kind === 'replay'
      ? t('audit.replayOk', { count: r.events.length })
      : t('audit.whatIfOk', { count: r.events.length, against: result.against })
    : diverges?.reasons.some((x) => x.code === 'events-missing-at-end')
      ? t('audit.replayMissingAtEnd')
      : !diverges && documentText
        ? documentText
        : result.kind === 'replay'
          ? t('audit.replayDiverges', { seq: diverges?.seq ?? '?', event })
          : t('audit.whatIfDiverges', { seq: diverges?.seq ?? '?', event, against: result.against });
  return (
    <>
      <p className={`alert ${r.ok ? 'alert-ok' : 'alert-error'}`} role="status" data-testid="audit-summary">
        {summary}
      </p>
      {diverges && documentText ? (
        <p className="alert alert-error" data-testid="audit-document">
          {documentText}
        </p>
      ) : null}
      <ConformanceTable
        report={r}
        protocols={result.protocols}
        versions={result.versions}
        compared={result.kind === 'whatIf'}
        caption={
          result.kind === 'replay'
            ? t('audit.replayCaption')
            : t('audit.whatIfCaption', { against: result.against })
        }
      />
    </>
  );
}

/** The protocol versions a replay's events ran under. */
function versionsOfReport(report: ConformanceReport): { id: string; version: number }[] {
  return report.events.flatMap((e) => (e.protocol ? [e.protocol] : []));
}
