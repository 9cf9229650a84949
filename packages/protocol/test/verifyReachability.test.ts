import { describe, expect, it } from 'vitest';
import { verifyProtocol } from '../src/index.js';
import { codes, goodProtocol, meta } from './verifyFixture.js';

describe('reachability and ways to the end', () => {
  it('reports a state no case can reach, but not the steps inside it', () => {
    const p = goodProtocol();
    p.machine.states.appeal = {
      meta: meta('Appeal'),
      initial: 'filed',
      states: { filed: { meta: meta('Filed'), on: { ARRIVED: { target: '#mini.closure' } } } },
    };
    const problems = verifyProtocol(p).filter((x) => x.code === 'unreachable-state');
    expect(problems.map((x) => x.location)).toEqual([{ pointer: '/machine/states/appeal', state: 'appeal' }]);
    expect(problems[0]?.message).toContain('"Appeal"');
  });

  it('reports a state with no way out as a dead end', () => {
    const p = goodProtocol();
    p.machine.on = {};
    p.machine.states.travel!.on = {};
    const problems = verifyProtocol(p);
    const deadEnd = problems.find((x) => x.code === 'dead-end');
    expect(deadEnd?.location).toEqual({ pointer: '/machine/states/travel', state: 'travel' });
    expect(deadEnd?.hint).toContain('"type": "final"');
    // Earlier states lead into the dead end, but are not themselves reported: the fix is in travel.
    expect(problems.filter((x) => x.code === 'dead-end')).toHaveLength(1);
  });

  it('reports steps a case can only go round between', () => {
    const p = goodProtocol();
    p.machine.on = {};
    p.machine.states.travel!.on = { ARRIVED: { target: 'assessment' } };
    p.machine.states.assessment!.on = { ASSESSED: { target: 'travel', actions: [{ type: 'recordForm' }] } };
    delete p.guards.lowRisk;
    const problem = verifyProtocol(p).find((x) => x.code === 'no-way-to-finish');
    expect(problem?.message).toContain('"Risk assessment" (assessment)');
    expect(problem?.message).toContain('"Travel" (travel)');
  });

  it('reports a protocol in which no case can ever be closed', () => {
    const p = goodProtocol();
    p.machine.on = {};
    p.machine.states.travel!.on = { ARRIVED: { target: 'screening' } };
    p.machine.states.consent!.after = {};
    p.machine.states.assessment!.on = { ASSESSED: { target: 'travel', actions: [{ type: 'recordForm' }] } };
    delete p.guards.lowRisk;
    delete p.delays;
    const problems = verifyProtocol(p);
    expect(codes(problems)).toContain('case-never-closes');
    expect(codes(problems)).toContain('unreachable-state'); // closure
  });
});
