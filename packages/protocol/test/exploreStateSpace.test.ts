import { describe, expect, it } from 'vitest';
import { exploreStateSpace, type ResolvedProtocol } from '../src/index.js';
import { meta, t } from './verifyFixture.js';

/** Intake, then legal aid and a health check at the same time, then closure. */
function parallelProtocol(): ResolvedProtocol {
  return {
    kind: 'protocol',
    id: 'par',
    version: 1,
    jurisdiction: 'REGIONAL',
    title: t('Parallel'),
    population: 'any',
    events: {
      START: { title: t('Start') },
      LEGAL_DONE: { title: t('Legal aid given') },
      HEALTH_DONE: { title: t('Health checked') },
    },
    guards: { fit: { logic: { var: 'form.fit' }, description: t('Fit') } },
    delays: { day: { hours: 24 } },
    forms: {},
    invariantsInForce: [],
    machine: {
      id: 'par',
      initial: 'intake',
      states: {
        intake: {
          meta: meta('Intake'),
          on: { START: { target: 'work' } },
          after: { day: { target: 'work' } },
        },
        work: {
          type: 'parallel',
          tags: ['attention'],
          meta: meta('Attention'),
          onDone: { target: 'closure' },
          states: {
            legal: {
              initial: 'aid',
              meta: meta('Legal'),
              states: {
                aid: { tags: ['legal-aid'], meta: meta('Legal aid'), on: { LEGAL_DONE: { target: 'done' } } },
                done: { type: 'final', meta: meta('Legal done') },
              },
            },
            health: {
              initial: 'check',
              meta: meta('Health'),
              states: {
                check: {
                  meta: meta('Check'),
                  on: { HEALTH_DONE: [{ target: 'done', guard: 'fit' }, { target: 'treat' }] },
                },
                treat: { meta: meta('Treatment'), on: { HEALTH_DONE: { target: 'done' } } },
                done: { type: 'final', meta: meta('Health done') },
              },
            },
          },
        },
        closure: { type: 'final', meta: meta('Closure') },
      },
    },
  };
}

const key = (value: unknown) => JSON.stringify(value);

describe('exploreStateSpace', () => {
  it('enumerates the configurations of parallel regions and leaves only when every region is done', () => {
    const space = exploreStateSpace(parallelProtocol());
    expect(space.complete).toBe(true);
    expect(space.nodes.map((n) => n.key).sort()).toEqual(
      [
        '"intake"',
        '"closure"',
        key({ work: { legal: 'aid', health: 'check' } }),
        key({ work: { legal: 'aid', health: 'treat' } }),
        key({ work: { legal: 'aid', health: 'done' } }),
        key({ work: { legal: 'done', health: 'check' } }),
        key({ work: { legal: 'done', health: 'treat' } }),
      ].sort(),
    );
    // Both regions final is never a resting configuration: onDone moves the case on at once.
    const intoClosure = space.edges.filter((e) => e.to === '"closure"');
    expect(intoClosure.map((e) => e.from).sort()).toEqual(
      [
        key({ work: { legal: 'aid', health: 'done' } }),
        key({ work: { legal: 'done', health: 'check' } }),
        key({ work: { legal: 'done', health: 'treat' } }),
      ].sort(),
    );
    expect(intoClosure.every((e) => e.transitions.includes('/machine/states/work/onDone'))).toBe(true);
    expect(space.nodes.find((n) => n.key === '"closure"')?.final).toBe(true);
  });

  it('records the active states, their tags and the events each configuration reacts to', () => {
    const space = exploreStateSpace(parallelProtocol());
    const node = space.nodes.find((n) => n.key === key({ work: { legal: 'aid', health: 'check' } }));
    expect(node).toMatchObject({
      states: ['work', 'work.legal', 'work.legal.aid', 'work.health', 'work.health.check'],
      leaves: ['work.legal.aid', 'work.health.check'],
      tags: ['attention', 'legal-aid'],
      final: false,
    });
    expect(node?.events.sort()).toEqual(['HEALTH_DONE', 'LEGAL_DONE']);
  });

  it('tries both outcomes of a guard', () => {
    const space = exploreStateSpace(parallelProtocol());
    const from = key({ work: { legal: 'aid', health: 'check' } });
    const health = space.edges.filter((e) => e.from === from && e.event === 'HEALTH_DONE');
    expect(health.map((e) => [e.guards, e.to])).toEqual(
      expect.arrayContaining([
        [{ fit: true }, key({ work: { legal: 'aid', health: 'done' } })],
        [{ fit: false }, key({ work: { legal: 'aid', health: 'treat' } })],
      ]),
    );
    expect(health).toHaveLength(2);
  });

  it('adds no step for a guard outcome that stops every transition, and a self-step for one without target', () => {
    const p = parallelProtocol();
    p.events.NOTE = { title: t('Add a note') };
    p.machine.states.intake!.on = { START: { target: 'work', guard: 'fit' }, NOTE: { actions: [] } };
    p.machine.states.intake!.after = {};
    const space = exploreStateSpace(p);
    const fromIntake = space.edges.filter((e) => e.from === '"intake"');
    expect(fromIntake.map((e) => [e.event, e.guards, e.to])).toEqual([
      ['START', { fit: true }, key({ work: { legal: 'aid', health: 'check' } })],
      ['NOTE', {}, '"intake"'],
    ]);
    expect(space.nodes.find((n) => n.key === '"intake"')?.events).toEqual(['START', 'NOTE']);
  });

  it('counts timers as events', () => {
    const space = exploreStateSpace(parallelProtocol());
    const timer = space.edges.find((e) => e.from === '"intake"' && e.event === 'after:day');
    expect(timer).toMatchObject({
      xstateEvent: 'xstate.after.day.par.intake',
      to: key({ work: { legal: 'aid', health: 'check' } }),
    });
  });

  it('stops at the bound it is given and says the result is partial', () => {
    const space = exploreStateSpace(parallelProtocol(), { maxConfigurations: 3 });
    expect(space.complete).toBe(false);
    expect(space.nodes).toHaveLength(3);
    expect(space.problems.map((p) => p.code)).toEqual(['state-space-too-large']);
    expect(space.edges.every((e) => space.nodes.some((n) => n.key === e.to))).toBe(true);
  });

  it('reports a statechart XState cannot run instead of throwing', () => {
    const p = parallelProtocol();
    p.machine.states.intake!.on = { START: { target: 'nowhere' } };
    const space = exploreStateSpace(p);
    expect(space.complete).toBe(false);
    expect(space.problems[0]?.code).toBe('machine-invalid');
    expect(space.problems[0]?.message).toContain('nowhere');
  });
});
