import { describe, expect, it } from 'vitest';
import { verifyProtocol } from '../src/index.js';
import { goodProtocol, meta } from './verifyFixture.js';

describe('transition targets', () => {
  it('reports a target that names no state, with the nearest sibling', () => {
    const p = goodProtocol();
    p.machine.states.screening!.on = { SCREENED: { target: 'consnt' } };
    const problem = verifyProtocol(p).find((x) => x.code === 'unknown-target');
    expect(problem?.location).toEqual({
      pointer: '/machine/states/screening/on/SCREENED/target',
      state: 'screening',
    });
    expect(problem?.message).toContain('"consnt"');
    expect(problem?.hint).toContain('Did you mean "consent"?');
  });

  it('points a nested state at a top-level one by its full path', () => {
    const p = goodProtocol();
    p.machine.states.travel = {
      tags: ['travel'],
      meta: meta('Travel'),
      initial: 'outbound',
      states: { outbound: { meta: meta('Outbound'), on: { ARRIVED: { target: 'closure' } } } },
    };
    const problem = verifyProtocol(p).find((x) => x.code === 'unknown-target');
    expect(problem?.location.pointer).toBe('/machine/states/travel/states/outbound/on/ARRIVED/target');
    expect(problem?.hint).toContain('Did you mean "#mini.closure"?');
  });

  it('points at the list entry when an event has several transitions', () => {
    const p = goodProtocol();
    p.machine.states.assessment!.on!.ASSESSED = [
      { target: 'travel', guard: 'lowRisk', actions: [{ type: 'recordForm' }] },
      { target: 'nowhere-at-all', actions: [{ type: 'recordForm' }] },
    ];
    const problem = verifyProtocol(p).find((x) => x.code === 'unknown-target');
    expect(problem?.location.pointer).toBe('/machine/states/assessment/on/ASSESSED/1/target');
    expect(problem?.hint).not.toContain('Did you mean');
  });

  it('accepts child and absolute targets', () => {
    const p = goodProtocol();
    p.machine.states.screening!.on = { SCREENED: { target: '#mini.consent' } };
    expect(verifyProtocol(p)).toEqual([]);
  });
});
