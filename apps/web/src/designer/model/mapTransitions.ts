import type { MachineConfig, StateConfig, TransitionConfig, TransitionsConfig } from '@ruta/protocol';

/** Where a transition is written: its source ("" = root), event key ("after:<delay>", "done") and index. */
export interface TransitionSite {
  source: string;
  event: string;
  index: number;
}

/** Returns the transition to keep (the same object when unchanged) or null to drop it. */
export type TransitionMapper = (t: TransitionConfig, site: TransitionSite) => TransitionConfig | null;

/**
 * A copy of the machine with every transition passed through `fn`. Objects that `fn` leaves
 * unchanged keep their identity; an event left with no transition disappears.
 */
export function mapTransitions(machine: MachineConfig, fn: TransitionMapper): MachineConfig {
  const on = mapOn(machine.on, '', '', fn);
  const states = mapStates(machine.states, '', fn);
  if (on === machine.on && states === machine.states) return machine;
  const out: MachineConfig = { ...machine, states };
  if (on) out.on = on;
  else delete out.on;
  return out;
}

function mapStates(
  states: Record<string, StateConfig>,
  prefix: string,
  fn: TransitionMapper,
): Record<string, StateConfig> {
  let changed = false;
  const out: Record<string, StateConfig> = {};
  for (const [key, s] of Object.entries(states)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const next = mapState(s, path, fn);
    if (next !== s) changed = true;
    out[key] = next;
  }
  return changed ? out : states;
}

function mapState(s: StateConfig, path: string, fn: TransitionMapper): StateConfig {
  const on = mapOn(s.on, path, '', fn);
  const after = mapOn(s.after, path, 'after:', fn);
  const onDone = s.onDone === undefined ? undefined : mapList(s.onDone, { source: path, event: 'done' }, fn);
  const states = s.states ? mapStates(s.states, path, fn) : undefined;
  if (on === s.on && after === s.after && onDone === s.onDone && states === s.states) return s;
  const out: StateConfig = { ...s };
  setOrDelete(out, 'on', on);
  setOrDelete(out, 'after', after);
  setOrDelete(out, 'onDone', onDone ?? undefined);
  setOrDelete(out, 'states', states);
  return out;
}

function mapOn(
  on: Record<string, TransitionsConfig> | undefined,
  source: string,
  prefix: string,
  fn: TransitionMapper,
): Record<string, TransitionsConfig> | undefined {
  if (!on) return on;
  let changed = false;
  const out: Record<string, TransitionsConfig> = {};
  for (const [event, ts] of Object.entries(on)) {
    const next = mapList(ts, { source, event: `${prefix}${event}` }, fn);
    if (next !== ts) changed = true;
    if (next !== undefined) out[event] = next;
  }
  if (!changed) return on;
  return Object.keys(out).length === 0 ? undefined : out;
}

function mapList(
  ts: TransitionsConfig,
  site: { source: string; event: string },
  fn: TransitionMapper,
): TransitionsConfig | undefined {
  const list = Array.isArray(ts) ? ts : [ts];
  let changed = false;
  const out: TransitionConfig[] = [];
  list.forEach((t, index) => {
    const next = fn(t, { ...site, index });
    if (next !== t) changed = true;
    if (next !== null) out.push(next);
  });
  if (!changed) return ts;
  if (out.length === 0) return undefined;
  return Array.isArray(ts) || out.length > 1 ? out : out[0];
}

function setOrDelete<K extends keyof StateConfig>(
  obj: StateConfig,
  key: K,
  value: StateConfig[K] | undefined,
): void {
  if (value === undefined) delete obj[key];
  else obj[key] = value;
}
