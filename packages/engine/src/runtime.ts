import type { AnyMachineSnapshot } from 'xstate';
import { canonicalJson } from './canonicalJson.js';
import {
  ENTER,
  EXIT,
  TAKE,
  type CompiledProtocol,
  type CompiledState,
  type CompiledTransition,
  type Marker,
} from './compileProtocol.js';
import { explainGuard, prepareGuard, type GuardScope, type PreparedGuard } from '@ruta/protocol';
import { createPureTransitions, type PureTransitions } from './pureTransitions.js';
import type { StateValue } from './types.js';

export type { GuardScope };

/** One configuration of the chart (a state value), with what a step from it needs. */
export interface Configuration {
  /** Canonical JSON of the value. */
  key: string;
  /** Frozen: clone before handing it out. */
  value: StateValue;
  snapshot: AnyMachineSnapshot;
  /** Active states in document order, parents before children. */
  active: CompiledState[];
  atomic: CompiledState[];
  /** The machine reached a top-level final state. */
  done: boolean;
  /** Protocol events some active state handles, in the order XState looks at them. */
  events: string[];
  /** Per event, the transitions XState would try, in its order (atomic states up to the root). */
  candidates: Map<string, CompiledTransition[]>;
}

/** What XState did with one event: the markers in execution order, and where it ended. */
export interface Outcome {
  markers: Marker[];
  taken: CompiledTransition[];
  next: Configuration;
}

interface MemoEntry {
  /** The guards XState evaluated, in order, with their results. */
  trace: [string, boolean][];
  outcome: Outcome;
}

/** Thrown when a case's state value is not a configuration of the protocol. */
export class StateValueError extends Error {}

/**
 * The mutable part of a compiled protocol: caches, and the scope the guard implementations
 * read. XState context stays empty, so a snapshot depends only on the state value and is
 * cached per value; the case reaches the guards through `begin(scope)` before each synchronous
 * transition.
 */
export interface Runtime {
  attach(compiled: CompiledProtocol): void;
  /** Sets the scope for the next transition and forgets guard results of the previous one. */
  begin(scope: GuardScope): void;
  /** A guard's value in the current scope (each guard evaluated at most once per begin). */
  evalGuard(name: string): boolean;
  /** Why a guard could not be evaluated in the current scope, if it threw. */
  guardError(name: string): string | undefined;
  /** Called by XState's guard implementations. */
  guard(name: string): boolean;
  /** @throws StateValueError */
  configuration(value: unknown): Configuration;
  /** XState's initial transition; with `memo`, computed once. */
  initial(memo: boolean): { markers: Marker[]; next: Configuration };
  /**
   * XState's transition for `event`. With `memo`, the result is reused when the configuration,
   * the event and the results of every guard XState consulted are the same as a previous run;
   * without it, XState computes the transition every time (see pureTransitions).
   */
  run(conf: Configuration, event: string, memo: boolean): Outcome;
}

export function createRuntime(): Runtime {
  let compiled: CompiledProtocol | undefined;
  let scope: GuardScope = { case: {}, form: undefined };
  const guardValues = new Map<string, boolean>();
  let trace: [string, boolean][] | null = null;
  const configurations = new Map<string, Configuration>();
  const byValue = new WeakMap<object, Configuration>();
  /** Per configuration, per event: XState's outcomes seen so far, with the guard results they depended on. */
  const memo = new WeakMap<Configuration, Map<string, MemoEntry[]>>();
  let initialMemo: { markers: Marker[]; next: Configuration } | undefined;
  /** Transitions by source path, then by event. */
  const bySource = new Map<string, Map<string, CompiledTransition[]>>();

  const self = (): CompiledProtocol => {
    if (!compiled) throw new Error('runtime used before its protocol was compiled');
    return compiled;
  };
  let pure: PureTransitions | undefined;
  /** XState's pure transition functions for the machine, made on first use. */
  const xstate = (): PureTransitions => (pure ??= createPureTransitions(self().machine));

  /** Each guard checked once; it copies only the parts of the scope it reads. */
  const prepared = new Map<string, PreparedGuard>();

  const evalGuard = (name: string): boolean => {
    let v = guardValues.get(name);
    if (v === undefined) {
      const guard = prepared.get(name);
      v = guard ? guard(scope) : false;
      guardValues.set(name, v);
    }
    return v;
  };

  const build = (key: string, snapshot: AnyMachineSnapshot): Configuration => {
    const c = self();
    const value = deepFreeze(cloneValue(snapshot.value as StateValue));
    const active: CompiledState[] = [];
    const collect = (v: StateValue, parent: string | null) => {
      if (typeof v === 'string') {
        const p = parent === null ? v : `${parent}.${v}`;
        const s = c.states.get(p);
        if (!s) throw new StateValueError(`"${p}" is not a state of ${c.ref.id}@${c.ref.version}`);
        active.push(s);
        return;
      }
      for (const [k, child] of Object.entries(v)) {
        const p = parent === null ? k : `${parent}.${k}`;
        const s = c.states.get(p);
        if (!s) throw new StateValueError(`"${p}" is not a state of ${c.ref.id}@${c.ref.version}`);
        active.push(s);
        collect(child, p);
      }
    };
    collect(value, null);
    active.sort((a, b) => a.order - b.order);
    const atomic = active.filter((s) => !active.some((o) => o.parent === s.path));
    const events: string[] = [];
    const candidates = new Map<string, CompiledTransition[]>();
    /** For the action bar: events of the states acted in first, then their parents', then the root's. */
    const height = new Map<string, number>();
    for (const leaf of atomic) {
      // XState tries the atomic state's transitions, then each ancestor's, then the root's.
      let p: string | null = leaf.path;
      let h = 0;
      while (p !== null) {
        const own = bySource.get(p);
        if (own) {
          for (const [event, ts] of own) {
            let list = candidates.get(event);
            if (!list) {
              list = [];
              candidates.set(event, list);
              if (!event.startsWith('xstate.')) events.push(event);
            }
            height.set(event, Math.min(height.get(event) ?? ROOT_HEIGHT, p === '' ? ROOT_HEIGHT : h));
            for (const t of ts) if (!list.includes(t)) list.push(t);
          }
        }
        p = p === '' ? null : (c.states.get(p)?.parent ?? '');
        h++;
      }
    }
    events.sort((a, b) => height.get(a)! - height.get(b)!);
    return { key, value, snapshot, active, atomic, done: snapshot.status === 'done', events, candidates };
  };

  /**
   * Configurations by the JSON text of XState's own value (its keys in XState's order), so a
   * known configuration is found without putting the value in canonical form.
   */
  const byXStateText = new Map<string, Configuration>();
  const fromSnapshot = (snapshot: AnyMachineSnapshot): Configuration => {
    const text = JSON.stringify(snapshot.value);
    const known = byXStateText.get(text);
    if (known) return known;
    const key = canonicalJson(snapshot.value);
    let conf = configurations.get(key);
    if (!conf) {
      conf = build(key, snapshot);
      configurations.set(key, conf);
      if (typeof conf.value === 'object') byValue.set(conf.value, conf);
    }
    byXStateText.set(text, conf);
    return conf;
  };

  /** The markers among XState's actions, in order: each action's params is its marker (see compileProtocol). */
  const markersOf = (
    actions: readonly { type: string; params?: unknown }[],
  ): { markers: Marker[]; taken: CompiledTransition[] } => {
    const markers: Marker[] = [];
    const taken: CompiledTransition[] = [];
    for (const a of actions) {
      const marker = a.params as Marker | undefined;
      if (marker === undefined || marker === null || marker.type !== a.type) continue;
      if (marker.type === TAKE) taken.push(marker.transition);
      else if (marker.type !== ENTER && marker.type !== EXIT) continue;
      markers.push(marker);
    }
    return { markers, taken };
  };

  const runXState = (conf: Configuration, event: string): Outcome => {
    const [next, actions] = xstate().transition(conf.snapshot, { type: event });
    const { markers, taken } = markersOf(actions);
    return { markers, taken, next: fromSnapshot(next) };
  };

  return {
    attach(c) {
      compiled = c;
      for (const [name, g] of c.guards) prepared.set(name, prepareGuard(g.logic));
      for (const t of c.transitions) {
        let own = bySource.get(t.source);
        if (!own) bySource.set(t.source, (own = new Map()));
        let list = own.get(t.event);
        if (!list) own.set(t.event, (list = []));
        list.push(t);
      }
    },
    begin(s) {
      scope = s;
      // Map#clear allocates a new table even for an empty map; most steps consult no guard.
      if (guardValues.size > 0) guardValues.clear();
    },
    evalGuard,
    guardError(name) {
      const def = self().guards.get(name);
      return def ? explainGuard(def.logic, scope).error : `no guard named "${name}"`;
    },
    guard(name) {
      const v = evalGuard(name);
      trace?.push([name, v]);
      return v;
    },
    configuration(value) {
      // The values of configurations are frozen, so a case holding one of them needs no lookup.
      if (typeof value === 'object' && value !== null) {
        const known = byValue.get(value);
        if (known) return known;
      }
      // A value read back from storage keeps the key order the engine wrote, XState's own.
      const text = stateValueText(value, 0);
      if (text !== null) {
        const known = byXStateText.get(text);
        if (known) return known;
      }
      let key: string;
      try {
        key = canonicalJson(value);
      } catch (err) {
        throw new StateValueError(`the case's state value is not JSON: ${(err as Error).message}`);
      }
      const cached = configurations.get(key);
      if (cached) return cached;
      if (
        typeof value !== 'string' &&
        (typeof value !== 'object' || value === null || Array.isArray(value))
      ) {
        throw new StateValueError(
          `the case's state value ${key} is neither a state key nor an object of them`,
        );
      }
      let snapshot: AnyMachineSnapshot;
      try {
        snapshot = self().machine.resolveState({ value: value as StateValue, context: {} });
      } catch (err) {
        throw new StateValueError(
          `the case's state value ${key} is not a configuration of ${self().ref.id}@${self().ref.version}: ${(err as Error).message}`,
        );
      }
      const conf = fromSnapshot(snapshot);
      if (conf.key !== key) {
        throw new StateValueError(
          `the case's state value ${key} is incomplete: the full configuration is ${conf.key}`,
        );
      }
      return conf;
    },
    initial(useMemo) {
      if (useMemo && initialMemo) return initialMemo;
      const [snapshot, actions] = xstate().initial();
      const { markers } = markersOf(actions);
      initialMemo = { markers, next: fromSnapshot(snapshot) };
      return initialMemo;
    },
    run(conf, event, useMemo) {
      if (!useMemo) return runXState(conf, event);
      let byEvent = memo.get(conf);
      if (!byEvent) memo.set(conf, (byEvent = new Map()));
      let entries = byEvent.get(event);
      if (entries) {
        for (const e of entries) {
          let same = true;
          for (const [name, v] of e.trace) {
            if (evalGuard(name) !== v) {
              same = false;
              break;
            }
          }
          if (same) return e.outcome;
        }
      } else {
        entries = [];
        byEvent.set(event, entries);
      }
      trace = [];
      try {
        const outcome = runXState(conf, event);
        entries.push({ trace, outcome });
        return outcome;
      } finally {
        trace = null;
      }
    },
  };
}

/**
 * JSON.stringify of a state value made only of plain objects and strings (keys in their own
 * order), or null for anything else, which is then left to the canonical path and its errors.
 */
function stateValueText(v: unknown, depth: number): string | null {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object' || v === null || Array.isArray(v) || depth > 32) return null;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return null;
  const keys = Object.keys(v);
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const child = stateValueText((v as Record<string, unknown>)[keys[i]!], depth + 1);
    if (child === null) return null;
    out += `${i === 0 ? '' : ','}${JSON.stringify(keys[i])}:${child}`;
  }
  return `${out}}`;
}

/** A copy of a state value that the caller may change freely. */
export function cloneValue(v: StateValue): StateValue {
  if (typeof v === 'string') return v;
  const out: { [key: string]: StateValue } = {};
  for (const k of Object.keys(v)) out[k] = cloneValue(v[k]!);
  return out;
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const child of Object.values(v)) deepFreeze(child);
    Object.freeze(v);
  }
  return v;
}

/** Whether two state values are the same configuration. */
export function sameValue(a: StateValue | null, b: StateValue | null): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !sameValue(a[k]!, b[k]!)) return false;
  }
  return true;
}

/** Sorts the root's own events after every state's. */
const ROOT_HEIGHT = 1_000_000;

/** Whether two JSON values are equal (objects compared key by key, in any key order). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], bb[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka)
    if (
      !Object.hasOwn(b, k) ||
      !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
    )
      return false;
  return true;
}
