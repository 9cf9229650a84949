import type { Timer } from '@ruta/engine';
import { getState, type MachineConfig, type Text, type TransitionsConfig } from '@ruta/protocol';

/**
 * What a delayed transition (a timer) does, as the protocol says it: the description of the
 * transition, else the title of the state it leaves. `event` is XState's
 * "xstate.after.<delay>.<state id>"; `paths` are the states it may leave (the timer's state, or
 * where the case stood before a timer event of the history).
 *
 * @example delayedTransition(machine, 'xstate.after.renewalWindow.migration-regularisation.status.temporary', ['status.temporary'])
 *   // → {es: 'Se abre la ventana de renovación.', en: 'The renewal window opens.'}
 */
export function delayedTransition(machine: MachineConfig, event: string, paths: string[]): Text | null {
  for (const path of [...paths].reverse()) {
    const state = getState(machine, path);
    for (const [delay, ts] of Object.entries(state?.after ?? {})) {
      if (!event.startsWith(`xstate.after.${delay}.`)) continue;
      const first = (Array.isArray(ts) ? ts[0] : ts) as Exclude<TransitionsConfig, unknown[]> | undefined;
      return first?.description ?? state?.meta.title ?? null;
    }
  }
  return null;
}

/** A timer of the case as the deadline list shows it. */
export interface NamedTimer {
  key: string;
  title: Text | null;
  dueAt: string;
}

/** The case's pending timers, each named by what it will do. */
export function namedTimers(machine: MachineConfig, timers: Timer[]): NamedTimer[] {
  return timers.map((timer) => ({
    key: `${timer.state}:${timer.event}`,
    title: delayedTransition(machine, timer.event, [timer.state]),
    dueAt: timer.dueAt,
  }));
}
