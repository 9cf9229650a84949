import { useTranslation } from 'react-i18next';
import type { ProtocolSummary } from '../api/types.js';
import type { WorklistFilter } from '../api/api.js';
import { useLang } from '../i18n/useLang.js';
import { CountryOptions } from '../ui/Options.js';
import { ReferenceSearch } from './ReferenceSearch.js';

export interface StateOption {
  path: string;
  title: string;
}

/** Filters of the worklist: the case reference, protocol, current state, country, open or closed. */
export function WorklistFilters({
  filter,
  protocols,
  states,
  countries,
  onChange,
}: {
  filter: WorklistFilter;
  protocols: ProtocolSummary[];
  /** States of the chosen protocol; empty until one is chosen. */
  states: StateOption[];
  /** The coalition's countries (COUNTRIES of @ruta/protocol). */
  countries: readonly string[];
  onChange: (next: WorklistFilter) => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const ids = [...new Map(protocols.map((p) => [p.id, p])).values()];
  const set = (key: keyof WorklistFilter, value: string) => {
    const next: WorklistFilter = { ...filter, [key]: value || undefined };
    if (key === 'protocol') delete next.state;
    onChange(next);
  };
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('worklist.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <ReferenceSearch value={filter.q ?? ''} onSearch={(q) => set('q', q)} />
      <div className="field">
        <label htmlFor="f-protocol">{t('worklist.col.protocol')}</label>
        <select
          id="f-protocol"
          value={filter.protocol ?? ''}
          onChange={(e) => set('protocol', e.target.value)}
        >
          <option value="">{t('worklist.any')}</option>
          {ids.map((p) => (
            <option key={p.id} value={p.id}>
              {pick(p.title)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-state">{t('worklist.col.step')}</label>
        <select
          id="f-state"
          value={filter.state ?? ''}
          onChange={(e) => set('state', e.target.value)}
          disabled={states.length === 0}
          aria-describedby={states.length === 0 ? 'f-state-hint' : undefined}
        >
          <option value="">{t('worklist.any')}</option>
          {states.map((s) => (
            <option key={s.path} value={s.path}>
              {s.title}
            </option>
          ))}
        </select>
        {states.length === 0 ? (
          <span id="f-state-hint" className="hint">
            {t('worklist.pickProtocolFirst')}
          </span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="f-country">{t('worklist.col.country')}</label>
        <select id="f-country" value={filter.country ?? ''} onChange={(e) => set('country', e.target.value)}>
          <option value="">{t('worklist.any')}</option>
          <CountryOptions countries={countries} />
        </select>
      </div>
      <div className="field field-check">
        <input
          id="f-mine"
          type="checkbox"
          checked={filter.assignee === 'me'}
          onChange={(e) => set('assignee', e.target.checked ? 'me' : '')}
        />
        <label htmlFor="f-mine">{t('worklist.onlyMine')}</label>
      </div>
      <div className="field">
        <label htmlFor="f-status">{t('worklist.status')}</label>
        <select
          id="f-status"
          value={filter.status ?? 'active'}
          onChange={(e) => set('status', e.target.value)}
        >
          <option value="active">{t('worklist.statusActive')}</option>
          <option value="closed">{t('worklist.statusClosed')}</option>
        </select>
      </div>
    </form>
  );
}
