import { describe, expect, it } from 'vitest';
import { checkInvariants, exploreStateSpace, verifyProtocol, type InvariantProblem } from '../src/index.js';
import { goodProtocol, meta, t } from './verifyFixture.js';

const check = (p: ReturnType<typeof goodProtocol>) => checkInvariants(p, exploreStateSpace(p));

describe('mustPassBefore', () => {
  it('holds when every way to travel passes consent and risk assessment', () => {
    expect(check(goodProtocol())).toEqual([]);
  });

  it('finds the shortest path that bypasses a required step and shows it', () => {
    const p = goodProtocol();
    // Two bypasses: straight from screening (urgent), and from consent skipping the assessment.
    p.guards.urgent = { logic: { var: 'case.consent.given' }, description: t('Urgent') };
    p.machine.states.screening!.on = {
      SCREENED: [{ target: 'travel', guard: 'urgent' }, { target: 'consent' }],
    };
    p.events.SKIP = { title: t('Skip assessment') };
    p.machine.states.consent!.on!.SKIP = { target: 'travel' };
    const problems = check(p).filter((x): x is InvariantProblem => x.code === 'invariant-violated');
    expect(problems).toHaveLength(1); // one per target state entered, the shortest path
    const [problem] = problems;
    expect(problem?.invariant).toBe('consent-and-risk-before-travel');
    expect(problem?.location).toEqual({ pointer: '/invariantsInForce/0', state: 'travel' });
    expect(problem?.counterExample).toEqual([
      { states: ['screening'], titles: [t('Screening')] },
      { event: 'SCREENED', states: ['travel'], titles: [t('Travel')] },
    ]);
    expect(problem?.message).toContain('"Screening" (screening) --SCREENED--> "Travel" (travel)');
    expect(problem?.message).toContain('"consent", "risk-assessment"');
  });

  it('names only the requirement the path misses', () => {
    const p = goodProtocol();
    p.events.SKIP = { title: t('Skip assessment') };
    p.machine.states.consent!.on!.SKIP = { target: 'travel' };
    const [problem] = check(p);
    expect(problem?.message).toContain('without first passing a step tagged "risk-assessment".');
    expect(problem?.message).not.toContain('"consent",');
    expect((problem as InvariantProblem).counterExample?.map((s) => s.event)).toEqual([
      undefined,
      'SCREENED',
      'SKIP',
    ]);
  });

  it('accepts any one of a list of alternatives', () => {
    const p = goodProtocol();
    p.invariantsInForce = [
      {
        id: 'assessed',
        kind: 'mustPassBefore',
        target: { tag: 'travel' },
        requires: [[{ tag: 'risk-assessment' }, { tag: 'court-order' }]],
        description: t('Assessed or ordered'),
      },
    ];
    p.events.ORDERED = { title: t('Court order') };
    p.machine.states.court = {
      tags: ['court-order'],
      meta: meta('Court order'),
      on: { ORDERED: { target: 'travel' } },
    };
    p.machine.states.screening!.on = { SCREENED: [{ target: 'consent' }, { target: 'court' }] };
    expect(check(p)).toEqual([]);
  });

  it('does not count a required step entered at the same moment as the target', () => {
    const p = goodProtocol();
    p.machine.states.screening!.on = { SCREENED: { target: 'both' } };
    p.events.GO = { title: t('Go') };
    p.machine.states.both = {
      type: 'parallel',
      meta: meta('Both at once'),
      onDone: { target: 'closure' },
      states: {
        a: {
          initial: 'x',
          meta: meta('A'),
          states: {
            x: {
              tags: ['consent', 'risk-assessment'],
              meta: meta('Consent and risk'),
              on: { GO: { target: 'y' } },
            },
            y: { type: 'final', meta: meta('A done') },
          },
        },
        b: {
          initial: 'x',
          meta: meta('B'),
          states: {
            x: { tags: ['travel'], meta: meta('Travelling'), on: { GO: { target: 'y' } } },
            y: { type: 'final', meta: meta('B done') },
          },
        },
      },
    };
    const problems = check(p).filter((x) => x.invariant === 'consent-and-risk-before-travel');
    expect(problems.map((x) => x.location.state)).toEqual(['both.b.x']);
  });

  it('says when no state has a tag the invariant requires', () => {
    const p = goodProtocol();
    p.machine.states.assessment!.tags = ['risk-asessment'];
    const problem = verifyProtocol(p).find((x) => x.code === 'invariant-violated');
    expect(problem?.hint).toContain('No state is tagged "risk-assessment"');
  });

  it('warns when no state carries the tag the invariant protects, as it then checks nothing', () => {
    const p = goodProtocol();
    p.machine.states.travel!.tags = ['travle'];
    const problem = verifyProtocol(p).find((x) => x.code === 'invariant-checks-nothing');
    expect(problem).toMatchObject({ severity: 'warning', location: { pointer: '/invariantsInForce/0' } });
  });

  it('locates an invariant of the protocol itself in ownInvariants', () => {
    const p = goodProtocol();
    const own = p.invariantsInForce[0]!;
    p.ownInvariants = [own];
    p.events.SKIP = { title: t('Skip assessment') };
    p.machine.states.consent!.on!.SKIP = { target: 'travel' };
    expect(check(p)[0]?.location.pointer).toBe('/ownInvariants/0');
  });
});
