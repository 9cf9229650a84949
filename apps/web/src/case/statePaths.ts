import type { StateValue } from '@ruta/engine';
import { getState, type MachineConfig, type StateConfig, type TransitionsConfig } from '@ruta/protocol';

/**
 * Every state path a state value stands in, ancestors included:
 * `{protection: {health: "done", shelter: "placed"}}` ->
 * ["protection", "protection.health", "protection.health.done", "protection.shelter", "protection.shelter.placed"].
 */
export function stateValueToPaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [join(prefix, value)];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = join(prefix, key);
    out.push(path, ...stateValueToPaths(child, path));
  }
  return out;
}

/** What visitedPaths reads of an event of the history. */
export interface PathEvent {
  type?: string;
  from?: StateValue | null;
  to: StateValue;
}

/**
 * The states a case has been in, in the order it first entered them, from the `to` of each
 * event of its history (oldest first). With the protocol's `machine`, also the final states an
 * event entered and left at once: the last region of a parallel stage to finish (the 24-hour
 * alert resolved, say) makes the whole stage done, so the event's `to` is the next stage and
 * never names the final state; it is the event's target.
 */
export function visitedPaths(history: PathEvent[], machine?: MachineConfig): string[] {
  const seen = new Set<string>();
  for (const e of history) {
    const to = stateValueToPaths(e.to);
    if (machine && e.from && e.type) {
      const toSet = new Set(to);
      const targets = targetsOf(machine, e.type, stateValueToPaths(e.from));
      if (!targets.some((p) => toSet.has(p))) {
        // Only a final state whose region the event left, and only when the target is certain.
        const finals = [
          ...new Set(
            targets.filter((p) => getState(machine, p)?.type === 'final' && !toSet.has(parentOf(p))),
          ),
        ];
        if (finals.length === 1) for (const p of ancestorsAndSelf(finals[0]!)) seen.add(p);
      }
    }
    for (const p of to) seen.add(p);
  }
  return [...seen];
}

/** The state paths the transitions on `event` from the states at `paths` go to (any guard). */
function targetsOf(machine: MachineConfig, event: string, paths: string[]): string[] {
  const out: string[] = [];
  const collect = (ts: TransitionsConfig | undefined, source: string) => {
    for (const t of ts === undefined ? [] : Array.isArray(ts) ? ts : [ts]) {
      const target = t.target === undefined ? undefined : resolveTarget(machine, t.target, source);
      if (target) out.push(target);
    }
  };
  collect(machine.on && Object.hasOwn(machine.on, event) ? machine.on[event] : undefined, '');
  for (const path of paths) {
    const state: StateConfig | undefined = getState(machine, path);
    if (!state) continue;
    if (state.on && Object.hasOwn(state.on, event)) collect(state.on[event], path);
    for (const [delay, ts] of Object.entries(state.after ?? {})) {
      if (event.startsWith(`xstate.after.${delay}.`)) collect(ts, path);
    }
  }
  return out;
}

/** A transition's target as a state path: "#<machine id>.a.b", ".child", or "sibling(.child)". */
function resolveTarget(machine: MachineConfig, target: string, source: string): string | null {
  if (target.startsWith(`#${machine.id}.`)) return target.slice(machine.id.length + 2);
  if (target.startsWith('#')) return null;
  if (target.startsWith('.')) return join(source, target.slice(1));
  return join(parentOf(source), target);
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('.');
  return i < 0 ? '' : path.slice(0, i);
}

function ancestorsAndSelf(path: string): string[] {
  const parts = path.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}
