import type { MachineConfig, StateConfig } from '@ruta/protocol';
import { keyOf, parentPath } from './chartPaths.js';

type States = Record<string, StateConfig>;

/**
 * A copy of the machine with the child map of `parent` ("" for the top level) replaced by
 * `fn(children)`; every other object is shared, so unchanged subtrees keep their identity and
 * memoised views of them do not re-render.
 */
export function updateChildren(
  machine: MachineConfig,
  parent: string,
  fn: (states: States) => States,
): MachineConfig {
  if (parent === '') return { ...machine, states: fn(machine.states) };
  return updateStateAt(machine, parent, (s) => {
    const next = fn(s.states ?? {});
    const out: StateConfig = { ...s, states: next };
    if (Object.keys(next).length === 0) delete out.states;
    return out;
  });
}

/** A copy of the machine with the state at `path` replaced by `fn(state)`. Throws if there is none. */
export function updateStateAt(
  machine: MachineConfig,
  path: string,
  fn: (state: StateConfig) => StateConfig,
): MachineConfig {
  const key = keyOf(path);
  return updateChildren(machine, parentPath(path), (states) => {
    const current = Object.hasOwn(states, key) ? states[key] : undefined;
    if (!current) throw new Error(`no state at ${path}`);
    return { ...states, [key]: fn(current) };
  });
}

/** Calls fn on every state (path, state), parents first. */
export function forEachState(
  states: States | undefined,
  fn: (path: string, state: StateConfig) => void,
  prefix = '',
): void {
  if (!states) return;
  for (const [key, s] of Object.entries(states)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    fn(path, s);
    forEachState(s.states, fn, path);
  }
}
