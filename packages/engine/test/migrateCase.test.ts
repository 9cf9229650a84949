import { describe, expect, it } from 'vitest';
import {
  compileProtocol,
  migrateCase,
  replay,
  step as engineStep,
  verifyChain,
  type Actor,
  type CompiledProtocol,
  type EngineDeps,
  type ProtocolRef,
} from '../src/index.js';
import { drive } from './drive.js';
import {
  caseworker,
  childProtocol,
  foreigner,
  meta,
  supervisor,
  testDeps,
  validDecision,
  validScreening,
} from './fixtures.js';

const v1 = compileProtocol(childProtocol());

/** Version 2: "protection" is renamed "care" and gains a third region; "decision" moves under "assessment". */
const v2 = (() => {
  const p = childProtocol();
  p.version = 2;
  const protection = p.machine.states.protection!;
  protection.states!.legal = {
    initial: 'aid',
    meta: meta('Legal aid'),
    states: {
      aid: { meta: meta('Aid', { deadline: { hours: 48 } }), on: { AID_DONE: { target: 'given' } } },
      given: { type: 'final', meta: meta('Given') },
    },
  };
  p.events.AID_DONE = { title: { es: 'Aid done', en: 'Aid done' } };
  const { protection: _p, decision, ...rest } = p.machine.states;
  p.machine.states = {
    screening: {
      ...rest.screening!,
      on: {
        SCREEN: [
          { target: 'care', guard: 'isVictim', actions: [{ type: 'recordForm' }] },
          { target: 'closed', actions: [{ type: 'recordForm' }] },
        ],
      },
    },
    care: { ...protection, onDone: { target: 'assessment' } },
    assessment: { initial: 'decision', meta: meta('Assessment'), states: { decision: decision! } },
    followUp: rest.followUp!,
    closed: rest.closed!,
  };
  decision!.on!.DECIDE = [
    {
      target: '#test-child.followUp',
      guard: 'riskLow',
      actions: [
        { type: 'recordForm' },
        { type: 'setDeadline', params: { name: 'report', hours: 48, title: { es: 'R', en: 'R' } } },
      ],
    },
    { target: '#test-child.care', guard: 'isMinor', actions: [{ type: 'recordForm' }] },
  ];
  return compileProtocol(p);
})();

const lookup = (ref: ProtocolRef): CompiledProtocol | undefined =>
  [v1, v2].find((c) => c.ref.version === ref.version);

const mapping = {
  screening: 'screening',
  'protection.shelter.placing': 'care.shelter.placing',
  'protection.shelter.placed': 'care.shelter.placed',
  'protection.health.checkup': 'care.health.checkup',
  'protection.health.done': 'care.health.done',
  decision: 'assessment.decision',
  followUp: 'followUp',
};

function inProtection() {
  const deps = testDeps();
  const d = drive(v1, deps);
  d.ok('SCREEN', validScreening);
  d.ok('HEALTH_DONE');
  return { d, deps };
}

describe('migrateCase', () => {
  it('moves a running case to another version, keeping its data, in the same chain', () => {
    const { d, deps } = inProtection();
    const placing = d.case.deadlines.find((x) => x.name === 'state:protection.shelter.placing')!;
    deps.advance(30 * 3_600_000);
    const r = migrateCase(v1, v2, d.case, mapping, supervisor, deps);
    if (!r.ok) expect.fail(JSON.stringify(r.reasons));
    expect(r.event).toMatchObject({
      kind: 'migrated',
      type: 'case.migrated',
      seq: 3,
      prev: d.case.head,
      from: { protection: { shelter: 'placing', health: 'done' } },
      // The region v2 adds starts in its initial state.
      to: { care: { shelter: 'placing', health: 'done', legal: 'aid' } },
      protocol: v2.ref,
      migration: { from: v1.ref, mapping },
      effects: [],
    });
    expect(r.case).toMatchObject({
      protocol: v2.ref,
      value: r.event.to,
      data: d.case.data,
      profile: d.case.profile,
      seq: 3,
      head: r.event.hash,
    });
    // The placement the case is still in keeps counting from when it began (and stays overdue);
    // the legal aid the migration enters counts from now.
    expect(r.case.deadlines.map((x) => [x.name, x.setAt, x.dueAt])).toEqual([
      ['state:care.shelter.placing', placing.setAt, placing.dueAt],
      ['state:care.legal.aid', r.event.at, new Date(Date.parse(r.event.at) + 48 * 3_600_000).toISOString()],
    ]);
    expect(placing.dueAt < r.event.at).toBe(true);
    const history = [...d.history, r.event];
    expect(verifyChain(history, { head: r.case.head }).ok).toBe(true);
    const report = replay(history, lookup);
    expect(report.ok).toBe(true);
    expect(report.events.at(-1)).toMatchObject({ accepted: true, sameState: true, actual: r.event.to });

    // The case goes on under v2, and its whole history replays across the two versions.
    d.case = r.case;
    d.history.push(r.event);
    stepUnder(v2, d, 'SHELTER_DONE', undefined, caseworker, deps);
    stepUnder(v2, d, 'AID_DONE', undefined, caseworker, deps);
    expect(d.case.value).toEqual({ assessment: 'decision' });
    stepUnder(v2, d, 'DECIDE', validDecision, supervisor, deps);
    expect(d.case.value).toBe('followUp');
    const whole = replay(d.history, lookup);
    expect(whole.ok).toBe(true);
    // Each row names the version its event ran under, so a reader words it with that version's
    // titles: the steps before the migration under v1, the migration and what follows under v2.
    const ref = (c: CompiledProtocol) => ({ id: c.ref.id, version: c.ref.version });
    expect(whole.events.map((e) => e.protocol)).toEqual([
      ...Array.from({ length: 3 }, () => ref(v1)),
      ...Array.from({ length: 4 }, () => ref(v2)),
    ]);
    // A what-if still says which version each event ran under, not the one compared with.
    const whatIf = replay(d.history, lookup, { against: v2 });
    expect(whatIf.events.map((e) => e.protocol?.version)).toEqual([1, 1, 1, 2, 2, 2, 2]);
  });

  it('keeps the timers of the states the case stays in: an escalation is not put off', () => {
    const deps = testDeps();
    const d = drive(v1, deps);
    d.ok('SCREEN', validScreening);
    d.ok('HEALTH_DONE');
    d.ok('SHELTER_DONE');
    d.ok('DECIDE', validDecision, supervisor);
    const before = d.case.timers[0]!;
    deps.advance(3_600_000);
    const r = migrateCase(v1, v2, d.case, mapping, supervisor, deps);
    if (!r.ok) expect.fail(JSON.stringify(r.reasons));
    expect(r.case.timers).toEqual([before]);
    expect(r.case.deadlines.map((x) => x.name)).toEqual(['report']);
  });

  it('refuses a mapping that leaves an active state out, saying which', () => {
    const { d, deps } = inProtection();
    const r = migrateCase(
      v1,
      v2,
      d.case,
      { screening: 'screening', 'protection.shelter.placing': 'care.shelter.placing' },
      supervisor,
      deps,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reasons.map((x) => x.message).join('\n')).toContain('"protection.health.done"');
  });

  it('refuses targets that are not states, or cannot be active together', () => {
    const { d, deps } = inProtection();
    const bad = migrateCase(
      v1,
      v2,
      d.case,
      { ...mapping, 'protection.health.done': 'care.health.nowhere' },
      supervisor,
      deps,
    );
    expect(!bad.ok && bad.reasons[0]!.message).toContain('not a state of test-child@2');
    const clash = migrateCase(
      v1,
      v2,
      d.case,
      { ...mapping, 'protection.health.done': 'followUp' },
      supervisor,
      deps,
    );
    expect(!clash.ok && clash.reasons[0]!.message).toContain('cannot be active together');
    const foreign = migrateCase(v1, v2, d.case, mapping, foreigner, deps);
    expect(!foreign.ok && foreign.reasons[0]!.code).toBe('country-not-allowed');
    const wrongFrom = migrateCase(v2, v1, d.case, mapping, supervisor, deps);
    expect(!wrongFrom.ok && wrongFrom.reasons[0]!.code).toBe('bad-input');
  });
});

function stepUnder(
  compiled: CompiledProtocol,
  d: ReturnType<typeof drive>,
  event: string,
  data: unknown,
  actor: Actor,
  deps: EngineDeps,
) {
  const r = engineStep(
    compiled,
    d.case,
    data === undefined ? { event, actor } : { event, data, actor },
    deps,
  );
  if (!r.ok) expect.fail(`${event}: ${JSON.stringify(r.reasons)}`);
  d.case = r.case;
  d.history.push(r.event);
  return r;
}
