import { availableActions, compileProtocol, dueTimers, fireTimer, openCase, step } from '@ruta/engine';
import type {
  Actor,
  AvailableAction,
  CaseState,
  CompiledProtocol,
  Effect,
  Rejection,
  StateValue,
} from '@ruta/engine';
import { explainGuard, guardVariables } from '@ruta/protocol';
import type { Country, FormDefinition, FormValidator, JsonLogic, Role, Text } from '@ruta/protocol';
import type { DesignDoc } from './DesignDoc.js';
import { sha256 } from './sha256.js';

/** One step taken in the simulator. */
export interface SimulatedStep {
  event: string;
  data?: unknown;
  from: StateValue | null;
  to: StateValue;
  at: string;
  effects: Effect[];
}

/**
 * A case run through a draft in the browser with @ruta/engine, never stored: the same compile,
 * step and guard evaluation a real case gets, with a simulated clock.
 */
export interface Simulation {
  compiled: CompiledProtocol;
  case: CaseState;
  actor: Actor;
  steps: SimulatedStep[];
  /** The simulated clock, ms since the epoch. */
  now: number;
  counter: number;
}

function deps(sim: { now: number; counter: number }) {
  let n = sim.counter;
  return {
    clock: () => new Date(sim.now).toISOString(),
    ids: () => `sim-${++n}`,
    sha256,
    used: () => n,
  };
}

/** Opens a simulated case in the draft's initial state; an error says why the draft cannot run yet. */
export function startSimulation(
  doc: DesignDoc,
  who: { country: Country; role: Role },
  options: {
    validatorFor?: (form: FormDefinition) => FormValidator;
    /**
     * When the simulated clock starts (ms since the epoch); default now, so that the dates a
     * designer types or the sample submissions hold are judged as a case worker's would be (the
     * date of what happened may not be later than its step).
     */
    start?: number;
  } = {},
): { ok: true; sim: Simulation } | { ok: false; error: string } {
  let compiled: CompiledProtocol;
  try {
    compiled = compileProtocol(doc);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  // Where Ajv cannot run (a page whose Content-Security-Policy forbids eval), the forms are
  // checked by a validator that gives the same verdicts without compiling code.
  if (options.validatorFor) {
    const forms = compiled.forms as Map<string, FormValidator>;
    for (const id of [...forms.keys()]) {
      const form = doc.forms[id];
      if (form) forms.set(id, options.validatorFor(form));
    }
  }
  const actor: Actor = { userId: 'simulator', role: who.role, country: who.country };
  const start = options.start ?? Date.now();
  const d = deps({ now: start, counter: 0 });
  try {
    const opened = openCase(compiled, { id: 'simulated-case', country: who.country, actor }, d);
    return {
      ok: true,
      sim: { compiled, case: opened.case, actor, steps: [], now: start, counter: d.used() },
    };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Sends an event with form data, a minute after the previous step. */
export function simulateStep(
  sim: Simulation,
  event: string,
  data: unknown,
): { ok: true; sim: Simulation } | { ok: false; reasons: Rejection[] } {
  const now = sim.now + 60_000;
  const d = deps({ now, counter: sim.counter });
  const command = data === undefined ? { event, actor: sim.actor } : { event, data, actor: sim.actor };
  const r = step(sim.compiled, sim.case, command, d);
  if (!r.ok) return { ok: false, reasons: r.reasons };
  const s: SimulatedStep = {
    event,
    from: sim.case.value,
    to: r.case.value,
    at: d.clock(),
    effects: r.effects,
  };
  if (data !== undefined) s.data = data;
  return { ok: true, sim: { ...sim, case: r.case, steps: [...sim.steps, s], now, counter: d.used() } };
}

/** Moves the simulated clock on and fires every delayed transition that falls due. */
export function advanceClock(sim: Simulation, hours: number): Simulation {
  let current: Simulation = { ...sim, now: sim.now + hours * 3_600_000 };
  for (;;) {
    const due = dueTimers(current.case, new Date(current.now).toISOString())[0];
    if (!due) return current;
    const d = deps(current);
    const r = fireTimer(current.compiled, current.case, due, d);
    if (!r.ok) return current;
    const s: SimulatedStep = {
      event: due.event,
      from: current.case.value,
      to: r.case.value,
      at: d.clock(),
      effects: r.effects,
    };
    current = { ...current, case: r.case, steps: [...current.steps, s], counter: d.used() };
  }
}

/** What the actor could send now, with the data given (reasons where they cannot). */
export function simulatedActions(sim: Simulation, data?: unknown): AvailableAction[] {
  return availableActions(sim.compiled, sim.case, sim.actor, data);
}

/** Every active state path of a state value, ancestors included. */
export function activePaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix === '' ? value : `${prefix}.${value}`];
  return Object.entries(value).flatMap(([k, v]) => {
    const p = prefix === '' ? k : `${prefix}.${k}`;
    return [p, ...activePaths(v, p)];
  });
}

/** A guard as the simulator shows it: its result with this data, and each value it read. */
export interface GuardCheck {
  source: string;
  target?: string;
  guard?: string;
  description?: Text;
  logic?: JsonLogic;
  /** null for an unguarded transition. */
  result: boolean | null;
  reads: { variable: string; value: unknown }[];
  error?: string;
}

/**
 * The transitions `event` would try from the current states, in the order XState tries them
 * (innermost states first, the machine's own last), each guard evaluated on the case's data and
 * the form data given: the first that holds is the one taken.
 */
export function guardChecks(sim: Simulation, event: string, data: unknown): GuardCheck[] {
  const active = new Set(activePaths(sim.case.value));
  const depth = (p: string) => (p === '' ? -1 : p.split('.').length);
  const scope = { case: sim.case.data, form: data ?? {} };
  return sim.compiled.transitions
    .filter((t) => t.kind === 'event' && t.event === event && (t.source === '' || active.has(t.source)))
    .sort((a, b) => depth(b.source) - depth(a.source) || a.index - b.index)
    .map((t) => {
      const check: GuardCheck = { source: t.source, result: null, reads: [] };
      if (t.target !== undefined) check.target = t.target;
      if (t.guard === undefined) return check;
      const g = sim.compiled.guards.get(t.guard);
      check.guard = t.guard;
      if (!g) return { ...check, result: false, error: 'unknown guard' };
      const explained = explainGuard(g.logic, scope);
      check.description = g.description;
      check.logic = g.logic;
      check.result = explained.result;
      check.reads = guardVariables(g.logic).map((variable) => ({
        variable,
        value: readPath(scope, variable),
      }));
      if (explained.error !== undefined) check.error = explained.error;
      return check;
    });
}

function readPath(scope: unknown, path: string): unknown {
  let v: unknown = scope;
  for (const seg of path.split('.')) {
    if (seg.endsWith('[]')) return undefined;
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}
