import type { MachineConfig, StateConfig, TransitionConfig, TransitionsConfig } from './types.js';

/**
 * A state of the chart with its place in the tree. Paths are dotted keys from the machine root,
 * e.g. "protection.consularNotification".
 */
export interface StateEntry {
  path: string;
  key: string;
  parent: string | null;
  state: StateConfig;
  /** JSON pointer of the state inside the protocol file. */
  pointer: string;
}

/** Every state of the chart, parents before children, in document order. */
export function listStates(machine: MachineConfig): StateEntry[] {
  const out: StateEntry[] = [];
  const visit = (states: Record<string, StateConfig> | undefined, parent: string | null, pointer: string) => {
    if (!states) return;
    for (const [key, state] of Object.entries(states)) {
      const path = parent === null ? key : `${parent}.${key}`;
      const ptr = `${pointer}/states/${escapePointer(key)}`;
      out.push({ path, key, parent, state, pointer: ptr });
      visit(state.states, path, ptr);
    }
  };
  visit(machine.states, null, '/machine');
  return out;
}

/** The state at a dotted path, or undefined. */
export function getState(machine: MachineConfig, path: string): StateConfig | undefined {
  let states: Record<string, StateConfig> | undefined = machine.states;
  let state: StateConfig | undefined;
  for (const key of path.split('.')) {
    state = states && Object.hasOwn(states, key) ? states[key] : undefined;
    if (!state) return undefined;
    states = state.states;
  }
  return state;
}

/** Whether a state is final: `type: "final"`. */
export function isFinal(state: StateConfig): boolean {
  return state.type === 'final';
}

/** The transitions of a TransitionsConfig as a list. */
export function asList(t: TransitionsConfig | undefined): TransitionConfig[] {
  if (t === undefined) return [];
  return Array.isArray(t) ? t : [t];
}

/** A transition of the chart with where it is written. */
export interface TransitionEntry {
  /** Path of the state it leaves; "" for the machine root's `on`. */
  source: string;
  /** The event, "after:<delay>" for a delayed transition, or "done" for onDone. */
  event: string;
  index: number;
  transition: TransitionConfig;
  pointer: string;
}

/** Every transition of the chart, including the root's, delayed ones and onDone. */
export function listTransitions(machine: MachineConfig): TransitionEntry[] {
  const out: TransitionEntry[] = [];
  const collect = (source: string, state: Pick<StateConfig, 'on' | 'after' | 'onDone'>, pointer: string) => {
    for (const [event, ts] of Object.entries(state.on ?? {})) {
      asList(ts).forEach((transition, index) =>
        out.push({
          source,
          event,
          index,
          transition,
          pointer: transitionPointer(`${pointer}/on/${escapePointer(event)}`, ts, index),
        }),
      );
    }
    for (const [delay, ts] of Object.entries(state.after ?? {})) {
      asList(ts).forEach((transition, index) =>
        out.push({
          source,
          event: `after:${delay}`,
          index,
          transition,
          pointer: transitionPointer(`${pointer}/after/${escapePointer(delay)}`, ts, index),
        }),
      );
    }
    asList(state.onDone).forEach((transition, index) =>
      out.push({
        source,
        event: 'done',
        index,
        transition,
        pointer: transitionPointer(`${pointer}/onDone`, state.onDone!, index),
      }),
    );
  };
  collect('', { on: machine.on }, '/machine');
  for (const entry of listStates(machine)) collect(entry.path, entry.state, entry.pointer);
  return out;
}

/**
 * Resolves a transition target the way XState does, to a dotted state path:
 * "#id" or "#id.a.b" (by a state's explicit id, or the machine id for the root),
 * ".child" (a child of the source), or "sibling" (a sibling of the source; for the root's own
 * transitions, a top-level state). Returns null when the target names no state.
 */
export function resolveTarget(machine: MachineConfig, source: string, target: string): string | null {
  let path: string;
  if (target.startsWith('#')) {
    const [id, ...rest] = target.slice(1).split('.');
    let base: string | null = null;
    if (id === machine.id) base = '';
    else base = listStates(machine).find((s) => s.state.id === id)?.path ?? null;
    if (base === null) return null;
    path = [base, ...rest].filter((p) => p !== '').join('.');
    if (path === '') return null;
  } else if (target.startsWith('.')) {
    path = source === '' ? target.slice(1) : `${source}${target}`;
  } else {
    const parent = source.includes('.') ? source.slice(0, source.lastIndexOf('.')) : '';
    path = parent === '' ? target : `${parent}.${target}`;
  }
  return getState(machine, path) ? path : null;
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function transitionPointer(base: string, ts: TransitionsConfig, index: number): string {
  return Array.isArray(ts) ? `${base}/${index}` : base;
}
