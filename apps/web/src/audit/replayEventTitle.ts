import type { ReplayNames } from './replayNames.js';

type Ref = { id: string; version: number };

type T = (key: string, opts?: Record<string, unknown>) => string;

/**
 * What a replayed event was, as the case's history (Historial) names it: the step's title, or
 * "Caso abierto", "Plazo cumplido (automático)"... for the events the engine records itself.
 * "—" for the row that stands for events missing at the end (it has no type). A migration within
 * one protocol says between which versions (`migration`: the version of the event before it and
 * its own).
 */
export function replayEventTitle(
  type: string,
  t: T,
  names: ReplayNames,
  migration?: { from?: Ref | undefined; to?: Ref | undefined },
): string {
  if (type === '') return '—';
  if (type === 'case.opened') return t('timeline.opened');
  if (type === 'case.migrated') {
    const { from, to } = migration ?? {};
    return from && to && from.id === to.id
      ? t('timeline.migratedVersion', { from: from.version, to: to.version })
      : t('timeline.migrated');
  }
  // XState's delayed events: "xstate.after.<delay>.<state id>".
  if (type.startsWith('xstate.after.')) return t('timeline.timer');
  return names.event(type);
}
