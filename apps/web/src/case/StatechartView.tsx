import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { handoverStages } from '@ruta/protocol';
import type { MachineConfig, StateConfig } from '@ruta/protocol';
import { useLang } from '../i18n/useLang.js';
import { stateOrder } from './stateOrder.js';

export interface StatechartViewProps {
  machine: MachineConfig;
  /** Paths the case is in now (ancestors included). */
  active: string[];
  /** Paths the case has been in (ancestors included). */
  visited: string[];
  /** Show the sub-steps of states the case has not reached too. */
  expandAll?: boolean;
}

/**
 * Where the case stands, as a vertical stepper of the protocol's stages: done ones ticked, the
 * current one highlighted (aria-current), later ones plain. A stage with sub-steps nests them;
 * a stage whose parts run at the same time shows each part side by side, labelled "in parallel".
 */
export function StatechartView({ machine, active, visited, expandAll = false }: StatechartViewProps) {
  const { t } = useTranslation();
  const activeSet = new Set(active);
  const visitedSet = new Set(visited);
  const order = useMemo(() => stateOrder(machine), [machine]);
  const handovers = useMemo(() => handoverStages(machine).length > 0, [machine]);
  return (
    <nav className="chart" aria-label={t('chart.label')}>
      <StateList
        states={machine.states}
        prefix=""
        activeSet={activeSet}
        visitedSet={visitedSet}
        expandAll={expandAll}
        order={order}
      />
      <p className="chart-legend" aria-hidden="true">
        <span className="chart-marker is-done">✓</span> {t('chart.done')}{' '}
        <span className="chart-marker is-current">●</span> {t('chart.current')}{' '}
        <span className="chart-marker is-upcoming">○</span> {t('chart.upcoming')}
        {handovers ? (
          <>
            {' '}
            <span className="chart-handover">⇄</span> {t('chart.handoverLegend')}
          </>
        ) : null}
      </p>
    </nav>
  );
}

interface ListProps {
  states: Record<string, StateConfig>;
  prefix: string;
  activeSet: Set<string>;
  visitedSet: Set<string>;
  expandAll: boolean;
  order: Map<string, string[]>;
}

function StateList({ states, prefix, ...rest }: ListProps) {
  const keys = rest.order.get(prefix) ?? Object.keys(states);
  return (
    <ol className="chart-list">
      {keys.map((key) => (
        <StateItem key={key} path={prefix ? `${prefix}.${key}` : key} state={states[key]!} {...rest} />
      ))}
    </ol>
  );
}

function StateItem({
  path,
  state,
  activeSet,
  visitedSet,
  expandAll,
  order,
}: Omit<ListProps, 'states' | 'prefix'> & { path: string; state: StateConfig }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const isActive = activeSet.has(path);
  const isDone = !isActive && visitedSet.has(path);
  const status = isActive ? 'current' : isDone ? 'done' : 'upcoming';
  const children = state.states ?? {};
  const childCount = Object.keys(children).length;
  const parallel = state.type === 'parallel';
  const expanded = childCount > 0 && (expandAll || isActive || isDone);
  const common = { activeSet, visitedSet, expandAll, order };
  return (
    <li
      className={`chart-state is-${status}${state.type === 'final' ? ' is-final' : ''}`}
      aria-current={isActive && childCount === 0 ? 'step' : undefined}
    >
      <span className="chart-row">
        <span className={`chart-marker is-${status}`} aria-hidden="true">
          {isDone ? '✓' : isActive ? '●' : '○'}
        </span>
        <span className="chart-label">
          <span className="chart-title">
            {pick(state.meta.title)}
            {state.meta.handover ? (
              <>
                {/* A no-break space: the mark wraps with the title's last word, never alone. */}
                {'\u00a0'}
                <span
                  className="chart-handover"
                  role="img"
                  aria-label={t('chart.handover')}
                  title={t('chart.handover')}
                >
                  ⇄
                </span>
              </>
            ) : null}
          </span>
          <span className="visually-hidden"> ({t(`chart.${status}`)})</span>
          {parallel ? <span className="chart-tag">{t('chart.parallel')}</span> : null}
          {childCount > 0 && !expanded ? (
            <span className="chart-sub">{t('chart.substeps', { count: childCount })}</span>
          ) : null}
        </span>
      </span>
      {expanded && parallel ? (
        <div className="chart-regions">
          {(order.get(path) ?? Object.keys(children)).map((key) => {
            const region = children[key]!;
            const regionPath = `${path}.${key}`;
            return (
              <div key={key} className="chart-region" role="group" aria-label={pick(region.meta.title)}>
                <span className="chart-region-title">{pick(region.meta.title)}</span>
                {region.states ? <StateList states={region.states} prefix={regionPath} {...common} /> : null}
              </div>
            );
          })}
        </div>
      ) : null}
      {expanded && !parallel ? <StateList states={children} prefix={path} {...common} /> : null}
    </li>
  );
}
