import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api.js';
import { getProtocol } from '../api/protocolCache.js';
import type { ResolvedProtocol } from '../api/types.js';
import { useUser } from '../auth/AuthContext.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { useLang } from '../i18n/useLang.js';
import { usePageTitle } from '../layout/usePageTitle.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { useAsync } from '../ui/useAsync.js';
import { replayNames } from '../audit/replayNames.js';
import { DamagedPackets } from './DamagedPackets.js';
import { describeIntegrityProblem } from './describeIntegrityProblem.js';

/** While a sweep runs, the page asks how it goes this often. */
const POLL_MS = 2_000;

/**
 * The cases of the user's country (every country's, regional) whose stored history or document
 * no longer holds, as the server's last integrity sweep found them, with where each breaks; and
 * a button to check every case now. Each links to the case, whose Auditoría panel says more.
 */
export default function IntegrityPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const user = useUser();
  const headingRef = usePageTitle(t('integrity.title'));
  const result = useAsync(() => api.integrity(), []);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const view = result.data;
  const running = view?.sweep?.running === true;
  // The protocol versions the listed cases run under, to name them and their forms by title.
  const refs = useMemo(
    () => [
      ...new Set(
        (view?.cases ?? []).flatMap((c) => (c.protocol ? [`${c.protocol.id}@${c.protocol.version}`] : [])),
      ),
    ],
    [view],
  );
  const protocols = useAsync(
    () =>
      Promise.all(
        refs.map(async (key) => {
          const [id, version] = key.split('@') as [string, string];
          return [key, await getProtocol(id, Number(version)).catch(() => null)] as const;
        }),
      ).then((pairs) => new Map<string, ResolvedProtocol | null>(pairs)),
    [refs.join(',')],
  );
  const protocolOf = (ref: { id: string; version: number } | null) =>
    ref ? (protocols.data?.get(`${ref.id}@${ref.version}`) ?? null) : null;
  const formTitle = (p: ResolvedProtocol | null) => (id: string) =>
    p ? `«${replayNames([p], pick).form(id)}»` : id;
  const { reload } = result;

  useEffect(() => {
    if (!running) return;
    const handle = setTimeout(reload, POLL_MS);
    return () => clearTimeout(handle);
  }, [running, view, reload]);

  const checkNow = async () => {
    setStarting(true);
    setStartError(null);
    try {
      await api.sweepIntegrity();
      reload();
    } catch (err) {
      setStartError(err);
    } finally {
      setStarting(false);
    }
  };

  const when = (iso: string) => formatDateTime(iso, lang);
  const sweep = view?.sweep;
  return (
    <section className="integrity-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('integrity.title')}
      </h1>
      <p className="lede">
        {user.country === 'REGIONAL'
          ? t('integrity.ledeRegional')
          : t('integrity.lede', { country: t(`countries.${user.country}`) })}
      </p>
      <div className="card integrity-sweep" aria-live="polite">
        <p>
          {!view
            ? t('integrity.loading')
            : !sweep
              ? t('integrity.never')
              : sweep.running
                ? t('integrity.running', { at: when(sweep.startedAt) })
                : sweep.finishedAt === null
                  ? t('integrity.cutShort', { at: when(sweep.startedAt) })
                  : t('integrity.last', {
                      at: when(sweep.finishedAt),
                      count: sweep.cases,
                      damaged: sweep.damaged,
                    })}
        </p>
        {sweep && !sweep.running && sweep.finishedAt !== null ? (
          <p data-testid="integrity-packets-count">
            {t('integrity.packets.last', { count: sweep.handovers, damaged: sweep.damagedHandovers })}
          </p>
        ) : null}
        {sweep && !sweep.running && sweep.finishedAt !== null && sweep.unsealedHandovers > 0 ? (
          <p data-testid="integrity-packets-unsealed">
            {t('integrity.packets.unsealed', { count: sweep.unsealedHandovers })}
          </p>
        ) : null}
        <button type="button" className="btn" onClick={() => void checkNow()} disabled={starting || running}>
          {running ? t('integrity.checking') : t('integrity.checkNow')}
        </button>
        {startError ? <ErrorMessage error={startError} /> : null}
      </div>
      {result.status === 'error' ? <ErrorMessage error={result.error} /> : null}
      {view && view.cases.length === 0 ? <p>{t('integrity.none')}</p> : null}
      {view && view.cases.length > 0 ? (
        <table className="worklist integrity-table">
          <caption>{t('integrity.caption', { count: view.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('integrity.case')}</th>
              {user.country === 'REGIONAL' ? <th scope="col">{t('integrity.country')}</th> : null}
              <th scope="col">{t('integrity.protocol')}</th>
              <th scope="col">{t('integrity.where')}</th>
              <th scope="col">{t('integrity.foundAt')}</th>
            </tr>
          </thead>
          <tbody>
            {view.cases.map((c) => (
              <tr key={c.caseId}>
                <td>
                  <Link to={`/cases/${encodeURIComponent(c.caseId)}`}>{c.caseId}</Link>
                </td>
                {user.country === 'REGIONAL' ? <td>{t(`countries.${c.country}`)}</td> : null}
                <td>
                  {protocolOf(c.protocol) ? pick(protocolOf(c.protocol)!.title) : (c.protocol?.id ?? '')}
                </td>
                <td>{describeIntegrityProblem(c.problem, t, formTitle(protocolOf(c.protocol)))}</td>
                <td>{when(c.foundAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {view && view.total > view.cases.length ? (
        <p>{t('integrity.more', { shown: view.cases.length, total: view.total })}</p>
      ) : null}
      <h2>{t('integrity.packets.title')}</h2>
      <p>{t('integrity.packets.lede')}</p>
      {view ? (
        <DamagedPackets
          rows={view.handovers}
          total={view.handoverTotal}
          sees={(country) => user.country === 'REGIONAL' || user.country === country}
          when={when}
        />
      ) : null}
    </section>
  );
}
