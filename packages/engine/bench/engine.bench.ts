/**
 * Engine benchmark: `npm run bench:engine` (BENCH_SECONDS=n to measure longer). One JSON line per metric:
 *   step_per_s           engine `step` (input checks, guards, XState transition, form validation,
 *                        actions, hash chain), over 8 paths through a 45-state protocol
 *   xstate_raw_per_s     xstate's exported pure `transition(machine, snapshot, event)` on the same
 *                        compiled machine, same events, same guard scope, same run
 *   step_vs_raw_ratio    step_per_s / xstate_raw_per_s (target >= 0.7)
 *   xstate_scope_per_s   the same transitions computed as `step` computes them: the machine's own
 *                        transition function with one inert actor scope made once (xstate's
 *                        `transition()` builds a new actor per call, which computes the machine's
 *                        initial snapshot: about half its time)
 *   step_vs_scope_ratio  step_per_s / xstate_scope_per_s: the engine's own work against XState's
 *                        cheapest transition
 *   replay_events_per_s  `replay` of 500 histories of 14-22 events, read back through JSON as from
 *                        storage (target >= 100,000)
 *   replay_vs_raw_ratio  replay_events_per_s / xstate_raw_per_s: replay's speed with the machine's
 *                        own speed of the moment taken out (it varies by a third on a shared host)
 *   verify_chain_events_per_s  `verifyChain` of the same histories: only the canonical JSON and
 *                        SHA-256 of each record, which replay also computes, so an upper bound
 *                        for replay on this machine
 * Every case has its own names, ages, dates and notes. The engine keeps no cache keyed on data
 * content (the last stderr line lists the caches it has). Rates are per second of this process's CPU time (the machine is shared; `wall` gives the
 * wall-clock rate too). The loops run interleaved in short rounds after a warm-up, in this
 * one process. To profile: node --import tsx --cpu-prof packages/engine/bench/engine.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { transition, type AnyMachineSnapshot } from 'xstate';
import {
  compileProtocol,
  createPureTransitions,
  openCase,
  replay,
  step,
  verifyChain,
  type Actor,
  type CaseState,
  type EventRecord,
} from '../src/index.js';
import { benchPath, benchProtocol, type BenchCommand } from './benchProtocol.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const compiled = compileProtocol(benchProtocol());

let clockMs = Date.parse('2025-01-01T00:00:00.000Z');
let idCounter = 0;
const deps = {
  clock: () => new Date((clockMs += 60_000)).toISOString(),
  ids: () => `ev-${++idCounter}`,
};
const actors: Record<BenchCommand['role'], Actor> = {
  caseworker: { userId: 'u-cw', role: 'caseworker', country: 'GT' },
  supervisor: { userId: 'u-sup', role: 'supervisor', country: 'GT' },
};

const PATHS = Array.from({ length: 8 }, (_, n) => benchPath(n));
const commandsPerRound = PATHS.reduce((sum, p) => sum + p.length, 0);

function runCase(n: number, path: BenchCommand[]): { history: EventRecord[]; final: CaseState } {
  const opened = openCase(compiled, { id: `case-${n}`, country: 'GT', actor: actors.caseworker }, deps);
  let c = opened.case;
  const history = [opened.event];
  for (const cmd of path) {
    const r = step(compiled, c, { event: cmd.event, data: cmd.data, actor: actors[cmd.role] }, deps);
    if (!r.ok) throw new Error(`bench path rejected at ${cmd.event}: ${JSON.stringify(r.reasons)}`);
    c = r.case;
    history.push(r.event);
  }
  return { history, final: c };
}

interface Meter {
  ops: number;
  cpuMicros: number;
  wallMs: number;
}
const meter = (): Meter => ({ ops: 0, cpuMicros: 0, wallMs: 0 });

/** Runs one round and adds its operations, CPU time (this process) and wall time to `m`. */
function timed(m: Meter, ops: number, round: () => void): void {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  round();
  m.wallMs += performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  m.cpuMicros += cpu.user + cpu.system;
  m.ops += ops;
}

// Cases opened once (outside the measured loop), so only `step` is timed.
const openedCases = PATHS.map(
  (_, n) => openCase(compiled, { id: `bench-${n}`, country: 'GT', actor: actors.caseworker }, deps).case,
);

function stepRound(): void {
  for (let n = 0; n < PATHS.length; n++) {
    let c = openedCases[n]!;
    for (const cmd of PATHS[n]!) {
      const r = step(compiled, c, { event: cmd.event, data: cmd.data, actor: actors[cmd.role] }, deps);
      if (!r.ok) throw new Error(`rejected ${cmd.event}`);
      c = r.case;
    }
  }
}

// XState alone on the same machine and events. Guards read the same scope the engine gives them
// (case data so far + the submitted form), so XState does the same guard work as in `step`.
const initialSnapshot = compiled.runtime.configuration(openedCases[0]!.value).snapshot;
const caseDataAlongPaths = PATHS.map((path) => {
  const out: Record<string, unknown>[] = [];
  let data: Record<string, unknown> = {};
  let c = openedCases[0]!;
  for (const cmd of path) {
    out.push(data);
    const r = step(compiled, c, { event: cmd.event, data: cmd.data, actor: actors[cmd.role] }, deps);
    if (!r.ok) throw new Error('rejected');
    c = r.case;
    data = c.data;
  }
  return out;
});
type Transition = (snapshot: AnyMachineSnapshot, event: { type: string }) => [AnyMachineSnapshot, unknown[]];
/** Every bench path through XState alone, each transition computed by `next`. */
function xstateRound(next: Transition): void {
  for (let n = 0; n < PATHS.length; n++) {
    let snapshot: AnyMachineSnapshot = initialSnapshot;
    const path = PATHS[n]!;
    const datas = caseDataAlongPaths[n]!;
    for (let i = 0; i < path.length; i++) {
      compiled.runtime.begin({ case: datas[i]!, form: path[i]!.data });
      [snapshot] = next(snapshot, { type: path[i]!.event });
    }
  }
}
const publicTransition: Transition = (snapshot, event) => transition(compiled.machine, snapshot, event);
const pure = createPureTransitions(compiled.machine);
const rawRound = () => xstateRound(publicTransition);
const scopeRound = () => xstateRound(pure.transition);

const HISTORIES = 500;
// As replay gets them in real use: read back from storage (a JSON round trip), so no event shares
// an object with what step made (the frozen state values, the submitted data) and nothing is
// found by identity.
const histories = Array.from(
  { length: HISTORIES },
  (_, n) => JSON.parse(JSON.stringify(runCase(n, benchPath(n)).history)) as EventRecord[],
);
const eventsPerReplayRound = histories.reduce((sum, h) => sum + h.length, 0);
const lookup = () => compiled;
function replayRound(): void {
  for (const h of histories) {
    const report = replay(h, lookup);
    if (!report.ok)
      throw new Error(
        `replay diverged at ${report.firstDivergence}: ${JSON.stringify(report.events[report.firstDivergence!])}`,
      );
  }
}

// The machine is shared, so the loops are interleaved in short rounds (load changes hit
// all of them alike) and rates are computed from this process's CPU time, not wall time; wall
// rates are printed alongside.
const stepMeter = meter();
const rawMeter = meter();
const scopeMeter = meter();
const replayMeter = meter();
const REPLAY_SLICE = 50;
let slice = 0;
const replaySlice = () => {
  for (let i = 0; i < REPLAY_SLICE; i++) {
    const h = histories[(slice * REPLAY_SLICE + i) % HISTORIES]!;
    const report = replay(h, lookup);
    if (!report.ok) throw new Error(`replay diverged at ${report.firstDivergence}`);
  }
  slice++;
};
const chainMeter = meter();
const chainSlice = (from: number) => {
  for (let i = 0; i < REPLAY_SLICE; i++) {
    const report = verifyChain(histories[(from * REPLAY_SLICE + i) % HISTORIES]!);
    if (!report.ok) throw new Error(`chain broken: ${report.reason}`);
  }
};
const eventsPerSlice = () => {
  let n = 0;
  for (let i = 0; i < REPLAY_SLICE; i++) n += histories[(slice * REPLAY_SLICE + i) % HISTORIES]!.length;
  return n;
};
const WARMUP_MS = 1000;
for (const phase of ['warmup', 'measure'] as const) {
  for (const m of [stepMeter, rawMeter, scopeMeter, replayMeter, chainMeter]) Object.assign(m, meter());
  const until = performance.now() + (phase === 'warmup' ? WARMUP_MS : SECONDS * 3000);
  while (performance.now() < until) {
    timed(stepMeter, commandsPerRound, stepRound);
    timed(rawMeter, commandsPerRound, rawRound);
    timed(scopeMeter, commandsPerRound, scopeRound);
    const events = eventsPerSlice();
    const from = slice;
    timed(chainMeter, events, () => chainSlice(from));
    timed(replayMeter, events, replaySlice);
  }
}
void replayRound;

const perCpu = (m: Meter) => m.ops / (m.cpuMicros / 1e6);
const perWall = (m: Meter) => m.ops / (m.wallMs / 1000);
const line = (metric: string, value: number, unit: string, wall?: number) =>
  console.log(
    JSON.stringify({
      metric,
      value: Math.round(value * 1000) / 1000,
      unit,
      ...(wall === undefined ? {} : { wall: Math.round(wall) }),
    }),
  );
line('step_per_s', Math.round(perCpu(stepMeter)), 'steps/s', perWall(stepMeter));
line('xstate_raw_per_s', Math.round(perCpu(rawMeter)), 'transitions/s', perWall(rawMeter));
line('step_vs_raw_ratio', perCpu(stepMeter) / perCpu(rawMeter), 'ratio');
line('xstate_scope_per_s', Math.round(perCpu(scopeMeter)), 'transitions/s', perWall(scopeMeter));
line('step_vs_scope_ratio', perCpu(stepMeter) / perCpu(scopeMeter), 'ratio');
line('replay_events_per_s', Math.round(perCpu(replayMeter)), 'events/s', perWall(replayMeter));
line('replay_vs_raw_ratio', perCpu(replayMeter) / perCpu(rawMeter), 'ratio');
line('verify_chain_events_per_s', Math.round(perCpu(chainMeter)), 'events/s', perWall(chainMeter));
console.error(
  `protocol: ${compiled.states.size} states, ${compiled.transitions.length} transitions, ${compiled.forms.size} forms; ` +
    `${PATHS.length} paths (${commandsPerRound} steps per round); replay: ${HISTORIES} histories, ${eventsPerReplayRound} events; ` +
    `measured ${Math.round([stepMeter, rawMeter, scopeMeter, replayMeter, chainMeter].reduce((sum, m) => sum + m.cpuMicros, 0) / 1e6)} s of CPU`,
);
console.error(
  'engine caches: per protocol, its configurations (by state value) and guards; in replay only, XState outcomes by ' +
    '(configuration, event, results of the guards XState consulted). None keyed on form data.',
);
