import {
  fireTimer,
  openCase,
  step,
  type CaseState,
  type CompiledProtocol,
  type EngineDeps,
  type EventRecord,
  type Rejection,
  type StepResult,
} from '@ruta/engine';
import { getState, listTransitions, type Country, type Role, type StateSpaceEdge } from '@ruta/protocol';
import { edgeKey } from './simplePaths.js';

/** One step of a walk as it ran: the command sent and the case after it. */
export interface WalkStep {
  edge: StateSpaceEdge;
  role: Role | 'system';
  /** The form recorded, and the index of the example of it that was sent. */
  form?: string;
  example?: number;
  case: CaseState;
}

/** One thing tried on the edge where a walk stalled, and what the engine said. */
export interface WalkTry {
  role: string;
  form?: string;
  example?: number;
  outcome: string;
}

export type WalkResult =
  | { ok: true; opened: CaseState; steps: WalkStep[]; history: EventRecord[] }
  | { ok: false; stalledAt: StateSpaceEdge; tries: WalkTry[] };

/** Steps already run, shared by the walks of one protocol: walks with a common prefix run it once. */
export type WalkCache = Map<string, Outcome>;

interface Position {
  case: CaseState;
  clockMs: number;
  ids: number;
}
type Outcome = { ok: true; at: Position; event: EventRecord } | { ok: false; outcome: string };
interface Attempt {
  timer: boolean;
  role: Role;
  form?: string;
  example?: number;
  data?: unknown;
}

const START = Date.parse('2026-12-01T08:00:00.000Z');

/**
 * Runs a path of the state space through the real engine: opens a case, then for each edge sends
 * its event (or fires its timer when due) with form data taken from the examples of the form the
 * transition records, as an actor of a role allowed to take it. When an example makes a later
 * guard impossible (a risk level of "high" before a decision to return), the walk backtracks and
 * tries the next one. A step counts only if the engine accepts it and the case lands in the
 * configuration the edge leads to.
 *
 * The clock starts at a fixed instant and moves one minute per step, or to a timer's due time.
 */
export function walkPath(
  compiled: CompiledProtocol,
  path: readonly StateSpaceEdge[],
  country: Country,
  cache: WalkCache = new Map(),
): WalkResult {
  const protocol = compiled.protocol;
  const byPointer = new Map(listTransitions(protocol.machine).map((t) => [t.pointer, t]));
  const opener = { userId: 'walker-caseworker', role: 'caseworker' as const, country };
  const first: Position = { case: undefined as unknown as CaseState, clockMs: START, ids: 0 };
  const opened = openCase(compiled, { id: `walk-${protocol.id}`, country, actor: opener }, depsAt(first));
  first.case = opened.case;

  const steps: WalkStep[] = [];
  const events: EventRecord[] = [opened.event];
  const stall: { at: number; edge: StateSpaceEdge; tries: WalkTry[] } = { at: -1, edge: path[0]!, tries: [] };
  // Backtracking over examples is exponential in the worst case: a walk gives up after this many tries.
  let budget = 20_000;

  const attempts = (edge: StateSpaceEdge): Attempt[] => {
    if (edge.event.startsWith('after:')) return [{ timer: true, role: 'caseworker' }];
    const entry = byPointer.get(edge.transitions[0] ?? '');
    const source = entry && entry.source !== '' ? getState(protocol.machine, entry.source) : undefined;
    const roles: Role[] = entry?.transition.roles ?? source?.meta.roles ?? ['caseworker'];
    const recorded = entry?.transition.actions?.find((a) => a.type === 'recordForm');
    const form = recorded ? (recorded.params?.form ?? source?.meta.form) : undefined;
    const examples = form ? (protocol.forms[form]?.examples ?? []) : [];
    return roles.flatMap((role) =>
      form === undefined
        ? [{ timer: false, role }]
        : examples.map((data, example) => ({ timer: false, role, form, example, data })),
    );
  };

  const run = (at: Position, edge: StateSpaceEdge, attempt: Attempt): Outcome => {
    const position: Position = { ...at };
    let result: StepResult;
    if (attempt.timer) {
      const timer = at.case.timers.find((t) => t.event === edge.xstateEvent);
      if (!timer) return { ok: false, outcome: `no pending timer "${edge.xstateEvent}"` };
      position.clockMs = Math.max(position.clockMs, Date.parse(timer.dueAt)) - 60_000;
      result = fireTimer(compiled, at.case, timer, depsAt(position));
    } else {
      const actor = { userId: `walker-${attempt.role}`, role: attempt.role, country };
      const command =
        attempt.data === undefined
          ? { event: edge.event, actor }
          : { event: edge.event, data: attempt.data, actor };
      result = step(compiled, at.case, command, depsAt(position));
    }
    if (!result.ok) return { ok: false, outcome: describe(result.reasons) };
    if (canonical(result.case.value) !== canonical(JSON.parse(edge.to))) {
      return { ok: false, outcome: `accepted, but the case went to ${JSON.stringify(result.case.value)}` };
    }
    position.case = result.case;
    return { ok: true, at: position, event: result.event };
  };

  const walk = (i: number, at: Position, prefix: string): boolean => {
    if (i === path.length) return true;
    const edge = path[i]!;
    const tries: WalkTry[] = [];
    const list = attempts(edge);
    for (let a = 0; a < list.length && --budget > 0; a++) {
      const attempt = list[a]!;
      const key = `${prefix}>${edgeKey(edge)}#${a}`;
      let outcome = cache.get(key);
      if (!outcome) {
        outcome = run(at, edge, attempt);
        cache.set(key, outcome);
      }
      const tried: WalkTry = {
        role: attempt.timer ? 'system' : attempt.role,
        outcome: outcome.ok ? 'accepted' : outcome.outcome,
      };
      if (attempt.form !== undefined) tried.form = attempt.form;
      if (attempt.example !== undefined) tried.example = attempt.example;
      tries.push(tried);
      if (!outcome.ok) continue;
      const done: WalkStep = { edge, role: tried.role as Role | 'system', case: outcome.at.case };
      if (attempt.form !== undefined) done.form = attempt.form;
      if (attempt.example !== undefined) done.example = attempt.example;
      steps.push(done);
      events.push(outcome.event);
      if (walk(i + 1, outcome.at, key)) return true;
      steps.pop();
      events.pop();
    }
    if (i >= stall.at) Object.assign(stall, { at: i, edge, tries });
    return false;
  };

  if (walk(0, first, '')) return { ok: true, opened: opened.case, steps, history: events };
  return { ok: false, stalledAt: stall.edge, tries: stall.tries };
}

/** Deterministic deps from a position: each clock reading is one minute later, ids count up. */
function depsAt(position: Position): EngineDeps {
  return {
    clock: () => new Date((position.clockMs += 60_000)).toISOString(),
    ids: () => `evt-${++position.ids}`,
  };
}

function describe(reasons: Rejection[]): string {
  return reasons.map((r) => `${r.code}: ${r.message}`).join('; ');
}

function canonical(value: unknown): string {
  const sort = (v: unknown): unknown =>
    typeof v !== 'object' || v === null
      ? v
      : Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
        );
  return JSON.stringify(sort(value));
}
