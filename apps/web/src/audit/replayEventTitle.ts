import type { ReplayNames } from './replayNames.js';

type T = (key: string, opts?: Record<string, unknown>) => string;

/**
 * What a replayed event was, as the case's history (Historial) names it: the step's title, or
 * "Caso abierto", "Plazo cumplido (automático)"... for the events the engine records itself.
 * "—" for the row that stands for events missing at the end (it has no type).
 */
export function replayEventTitle(type: string, t: T, names: ReplayNames): string {
  if (type === '') return '—';
  if (type === 'case.opened') return t('timeline.opened');
  if (type === 'case.migrated') return t('timeline.migrated');
  // XState's delayed events: "xstate.after.<delay>.<state id>".
  if (type.startsWith('xstate.after.')) return t('timeline.timer');
  return names.event(type);
}
