import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availableActions,
  compileProtocol,
  dueTimers,
  fireTimer,
  hashEvent,
  replay,
  step,
  type Actor,
  type EventRecord,
} from '../src/index.js';
import { drive } from './drive.js';
import {
  caseworker,
  childProtocol,
  foreigner,
  regional,
  supervisor,
  testDeps,
  validDecision,
  validScreening,
} from './fixtures.js';

const compiled = compileProtocol(childProtocol());
const HOUR = 3_600_000;

type Move =
  | { kind: 'command'; pick: number; dataPick: number; actor: Actor }
  | { kind: 'exact'; event: string; data?: unknown; actor: Actor }
  | { kind: 'wait'; hours: number }
  | { kind: 'timers' };

/** Data worth sending with each event, valid and not. */
const DATA: Record<string, unknown[]> = {
  SCREEN: [
    validScreening,
    { ...validScreening, indicators: false },
    { ...validScreening, age: 30, origin: 'SV' },
    { age: 'x' },
  ],
  DECIDE: [validDecision, { risk: 'high', decision: 'stay' }, { risk: 'low' }],
};

const move: fc.Arbitrary<Move> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('command' as const),
      pick: fc.nat(),
      dataPick: fc.nat(),
      actor: fc.constantFrom(caseworker, caseworker, supervisor, regional, foreigner),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 100 }) }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'timers' as const }) },
);

const TO_FOLLOW_UP: Move[] = [
  { kind: 'exact', event: 'SCREEN', data: validScreening, actor: caseworker },
  { kind: 'exact', event: 'SHELTER_DONE', actor: caseworker },
  { kind: 'exact', event: 'HEALTH_DONE', actor: caseworker },
  { kind: 'exact', event: 'DECIDE', data: validDecision, actor: supervisor },
];

/** Plays the moves, keeping what was accepted: commands, and timers fired when due. */
function play(moves: Move[]): EventRecord[] {
  const deps = testDeps();
  const d = drive(compiled, deps);
  for (const m of moves) {
    if (m.kind === 'wait') deps.advance(m.hours * HOUR);
    else if (m.kind === 'timers') {
      for (const timer of dueTimers(d.case, deps.now())) {
        const r = fireTimer(compiled, d.case, timer, deps);
        if (r.ok) {
          d.case = r.case;
          d.history.push(r.event);
        }
      }
    } else if (m.kind === 'exact') {
      const r = step(
        compiled,
        d.case,
        m.data === undefined
          ? { event: m.event, actor: m.actor }
          : { event: m.event, data: m.data, actor: m.actor },
        deps,
      );
      if (r.ok) {
        d.case = r.case;
        d.history.push(r.event);
      }
    } else {
      // Mostly events the case's current states handle, sometimes one they do not.
      // (WITHDRAW, which ends the case, and an unknown event only now and then.)
      const events = availableActions(compiled, d.case, m.actor)
        .map((a) => a.event)
        .filter((e) => e !== 'WITHDRAW');
      const event =
        m.pick % 13 === 0
          ? 'WITHDRAW'
          : m.pick % 11 === 0 || events.length === 0
            ? 'NOPE'
            : events[m.pick % events.length]!;
      const pool = DATA[event] ?? [undefined];
      const data = pool[m.dataPick % pool.length];
      const r = step(
        compiled,
        d.case,
        data === undefined ? { event, actor: m.actor } : { event, data, actor: m.actor },
        deps,
      );
      if (r.ok) {
        d.case = r.case;
        d.history.push(r.event);
      }
    }
  }
  return d.history;
}

describe('replay', () => {
  it('re-runs every accepted history exactly (property)', () => {
    let longest = 0;
    let timerEvents = 0;
    fc.assert(
      fc.property(fc.boolean(), fc.array(move, { minLength: 10, maxLength: 40 }), (toFollowUp, moves) => {
        // Half the runs start by walking to the follow-up state, where a timer waits.
        const history = play(toFollowUp ? [...TO_FOLLOW_UP, ...moves] : moves);
        longest = Math.max(longest, history.length);
        timerEvents += history.filter((e) => e.kind === 'timer').length;
        const report = replay(history, () => compiled, { head: history[history.length - 1]!.hash });
        expect(report.firstDivergence).toBeNull();
        expect(report.ok).toBe(true);
        expect(report.events).toHaveLength(history.length);
        for (const [i, e] of report.events.entries()) {
          expect(e).toMatchObject({ seq: i, accepted: true, sameState: true, hashIntact: true, reasons: [] });
          expect(e.actual).toEqual(history[i]!.to);
        }
      }),
      { numRuns: 150 },
    );
    // Long histories are rare with random moves (more than 6 events in ~1% of runs, so the earlier
    // "> 6" failed about one run in six); 6 or more come in more than half of them.
    expect(longest).toBeGreaterThanOrEqual(6);
    expect(timerEvents).toBeGreaterThan(0);
  });

  it('replays timers fired along the way', () => {
    const deps = testDeps();
    const d = drive(compiled, deps);
    d.ok('SCREEN', validScreening);
    d.ok('SHELTER_DONE');
    d.ok('HEALTH_DONE');
    d.ok('DECIDE', validDecision, supervisor);
    deps.advance(80 * HOUR);
    const r = fireTimer(compiled, d.case, d.case.timers[0]!, deps);
    if (!r.ok) expect.fail(JSON.stringify(r.reasons));
    const report = replay([...d.history, r.event], () => compiled);
    expect(report.ok).toBe(true);
    expect(report.events.at(-1)).toMatchObject({ type: r.event.type, accepted: true, actual: 'closed' });
  });

  it('reports an event that the protocol would not have accepted, even with its hash recomputed', () => {
    const d = drive(compiled, testDeps());
    d.ok('SCREEN', validScreening);
    const forged = structuredClone(d.history);
    // A forger who rewrites the data and re-seals the chain still cannot make the step conform.
    forged[1]!.data = { age: 'unknown' };
    forged[1]!.hash = hashEvent(forged[1]!);
    const report = replay(forged, () => compiled);
    expect(report.ok).toBe(false);
    expect(report.firstDivergence).toBe(1);
    expect(report.events[1]).toMatchObject({ accepted: false, hashIntact: true });
    expect(report.events[1]!.reasons.map((r) => r.code)).toContain('form-invalid');
  });

  it('says when the protocol version is not available', () => {
    const d = drive(compiled, testDeps());
    const report = replay(d.history, () => undefined);
    expect(report.ok).toBe(false);
    expect(report.events[0]!.reasons[0]!.code).toBe('protocol-unknown');
  });
});
