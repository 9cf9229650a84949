import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, type WorklistFilter } from '../api/api.js';
import { useUser } from '../auth/AuthContext.js';
import { useLang } from '../i18n/useLang.js';
import { usePageTitle } from '../layout/usePageTitle.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { useAsync } from '../ui/useAsync.js';
import { ShowMore } from '../ui/ShowMore.js';
import { usePages } from '../ui/usePages.js';
import { OpenCaseForm } from './OpenCaseForm.js';
import { WorklistFilters, type StateOption } from './WorklistFilters.js';
import { WorklistTable } from './WorklistTable.js';
import { useProtocolLib } from './useProtocolLib.js';

const FILTER_KEYS = ['q', 'protocol', 'state', 'country', 'status', 'assignee'] as const;
const OPEN_ROLES: readonly string[] = ['caseworker', 'supervisor'];

/** "My cases": what needs action today, and a way to open a new case. */
export function WorklistPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const navigate = useNavigate();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const filter: WorklistFilter = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) (filter as Record<string, string>)[k] = v;
  }
  if (!filter.status) filter.status = 'active';
  const headingRef = usePageTitle(t('worklist.title'));

  const protocols = useAsync(() => api.protocols(), []);
  const key = params.toString();
  const pages = usePages((after) => api.worklist(filter, after), [key]);
  const { first, rows } = pages;
  const latest = (protocols.data ?? [])
    .filter((p) => p.id === filter.protocol)
    .sort((a, b) => b.version - a.version)[0];
  const chosen = useAsync(
    () => (latest ? api.protocol(latest.id, latest.version) : Promise.resolve(null)),
    [latest?.id, latest?.version],
  );
  const lib = useProtocolLib();
  // The order the case page's stepper shows the steps in (loaded with it, not before it is needed).
  const order = useAsync(
    () =>
      chosen.data
        ? import('../case/stateOrder.js').then((m) => m.leafPathsInOrder(m.stateOrder(chosen.data!.machine)))
        : Promise.resolve(null),
    [chosen.data],
  );
  // The server matches a case's current atomic states, so only those are offered, each named
  // with the stages it sits in ("Protección inmediata › Notificar al consulado"), from intake to
  // closure as a case goes through them.
  const states: StateOption[] = [];
  if (chosen.data && lib && order.data) {
    const all = lib.listStates(chosen.data.machine);
    const titleOf = new Map(all.map((s) => [s.path, pick(s.state.meta.title)]));
    const leaves = new Set(all.filter((s) => !s.state.states).map((s) => s.path));
    // Only this protocol's steps: the order may still be the previously chosen protocol's.
    for (const path of order.data.filter((p) => leaves.has(p))) {
      const trail = path.split('.').map((_, i, parts) => titleOf.get(parts.slice(0, i + 1).join('.')) ?? '');
      states.push({ path, title: trail.slice(-2).join(' › ') });
    }
  }

  // Case workers and supervisors open cases, in their own country (as the server allows).
  const canOpen = OPEN_ROLES.includes(user.role) && user.country !== 'REGIONAL';
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<unknown>(null);
  const onOpen = async (protocol: { id: string; version: number }) => {
    setOpening(true);
    setOpenError(null);
    try {
      const view = await api.openCase(protocol);
      navigate(`/cases/${encodeURIComponent(view.case.id)}`);
    } catch (err) {
      setOpenError(err);
      setOpening(false);
    }
  };

  const onFilter = (next: WorklistFilter) => {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = next[k];
      if (v && !(k === 'status' && v === 'active')) p.set(k, v);
    }
    setParams(p, { replace: true });
  };

  return (
    <div className="page worklist-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('worklist.title')}
      </h1>
      <div className={canOpen ? 'worklist-layout' : 'worklist-layout is-single'}>
        <section aria-labelledby="worklist-cases" className="worklist-main">
          <h2 id="worklist-cases" className="visually-hidden">
            {t('worklist.caption')}
          </h2>
          <WorklistFilters
            filter={filter}
            protocols={protocols.data ?? []}
            states={states}
            countries={lib?.COUNTRIES ?? []}
            onChange={onFilter}
          />
          {first.status === 'error' ? <ErrorMessage error={first.error} /> : null}
          {rows ? (
            <>
              <WorklistTable
                rows={rows}
                myId={user.id}
                empty={filter.q ? t('worklist.search.noMatch', { q: filter.q }) : undefined}
              />
              <ShowMore pages={pages} label={t('worklist.more')} className="worklist-more" />
            </>
          ) : first.status === 'loading' ? (
            <p className="loading" role="status">
              {t('common.loading')}
            </p>
          ) : null}
        </section>
        {canOpen ? (
          <aside className="worklist-aside" aria-label={t('open.title')}>
            <OpenCaseForm
              protocols={protocols.data ?? []}
              country={user.country}
              busy={opening}
              onOpen={(p) => void onOpen(p)}
            />
            {openError ? <ErrorMessage error={openError} /> : null}
          </aside>
        ) : null}
      </div>
    </div>
  );
}
