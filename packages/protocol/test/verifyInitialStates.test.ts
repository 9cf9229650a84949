import { describe, expect, it } from 'vitest';
import { verifyProtocol } from '../src/index.js';
import { codes, goodProtocol, meta } from './verifyFixture.js';

describe('initial states and the kinds of states', () => {
  it('reports a machine that starts in a state that does not exist, suggesting the nearest', () => {
    const p = goodProtocol();
    p.machine.initial = 'screenig';
    const problems = verifyProtocol(p);
    const problem = problems.find((x) => x.code === 'unknown-initial-state');
    expect(problem?.location.pointer).toBe('/machine/initial');
    expect(problem?.hint).toContain('Did you mean "screening"?');
    // The shape is broken: behaviour is not explored, and the designer is told so.
    expect(codes(problems)).toContain('behaviour-not-checked');
    expect(codes(problems)).not.toContain('unreachable-state');
  });

  it('reports a compound state without an initial step, and one whose initial step is not its child', () => {
    const p = goodProtocol();
    p.machine.states.travel = {
      tags: ['travel'],
      meta: meta('Travel'),
      states: { outbound: { meta: meta('Outbound') }, arrival: { meta: meta('Arrival'), type: 'final' } },
    };
    expect(verifyProtocol(p).find((x) => x.code === 'missing-initial-state')).toMatchObject({
      location: { pointer: '/machine/states/travel', state: 'travel' },
    });
    p.machine.states.travel.initial = 'outbund';
    const problem = verifyProtocol(p).find((x) => x.code === 'unknown-initial-state');
    expect(problem?.location).toMatchObject({ pointer: '/machine/states/travel/initial', state: 'travel' });
    expect(problem?.hint).toContain('"outbound"');
  });

  it('reports a parallel state with a single region', () => {
    const p = goodProtocol();
    p.machine.states.travel = {
      type: 'parallel',
      tags: ['travel'],
      meta: meta('Travel'),
      states: {
        escort: { initial: 'a', meta: meta('Escort'), states: { a: { meta: meta('A'), type: 'final' } } },
      },
      onDone: { target: 'closure' },
    };
    const problem = verifyProtocol(p).find((x) => x.code === 'parallel-needs-regions');
    expect(problem?.location).toMatchObject({ pointer: '/machine/states/travel/states', state: 'travel' });
    expect(problem?.hint).toMatch(/second region/);
  });

  it('reports atomic and final states that contain steps', () => {
    const p = goodProtocol();
    p.machine.states.closure = {
      type: 'final',
      meta: meta('Closure'),
      states: { archived: { meta: meta('Archived') } },
    };
    p.machine.states.travel = {
      type: 'atomic',
      tags: ['travel'],
      meta: meta('Travel'),
      on: { ARRIVED: { target: 'closure' } },
      states: { x: { meta: meta('X') } },
    };
    const found = verifyProtocol(p).filter((x) => x.code === 'children-on-leaf-state');
    expect(found.map((x) => x.location.state).sort()).toEqual(['closure', 'travel']);
    expect(found.find((x) => x.location.state === 'closure')?.hint).toMatch(/final state ends/);
  });

  it('reports two states that share an explicit id', () => {
    const p = goodProtocol();
    p.machine.states.consent!.id = 'same';
    p.machine.states.travel!.id = 'same';
    expect(verifyProtocol(p).find((x) => x.code === 'duplicate-state-id')?.location).toEqual({
      pointer: '/machine/states/travel/id',
      state: 'travel',
    });
  });
});
