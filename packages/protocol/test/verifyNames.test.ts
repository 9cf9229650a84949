import { describe, expect, it } from 'vitest';
import { verifyProtocol, type ActionConfig, type Role } from '../src/index.js';
import { goodProtocol } from './verifyFixture.js';

describe('names a protocol uses must be defined', () => {
  it('reports an event the protocol does not define, suggesting the nearest', () => {
    const p = goodProtocol();
    p.machine.states.travel!.on = { ARIVED: { target: 'closure' } };
    const problem = verifyProtocol(p).find((x) => x.code === 'unknown-event');
    expect(problem?.location).toEqual({ pointer: '/machine/states/travel/on/ARIVED', state: 'travel' });
    expect(problem?.hint).toContain('Did you mean "ARRIVED"?');
  });

  it('reports a guard the protocol does not define', () => {
    const p = goodProtocol();
    const [first] = [p.machine.states.assessment!.on!.ASSESSED].flat();
    first!.guard = 'lowRsk';
    const problem = verifyProtocol(p).find((x) => x.code === 'unknown-guard');
    expect(problem?.location).toEqual({
      pointer: '/machine/states/assessment/on/ASSESSED/0/guard',
      state: 'assessment',
    });
    expect(problem?.hint).toContain('Did you mean "lowRisk"?');
  });

  it('reports a delay the protocol does not define, and a delay named by a number', () => {
    const p = goodProtocol();
    p.machine.states.consent!.after = { noAnswr: { target: 'closure' }, '48': { target: 'closure' } };
    const problems = verifyProtocol(p);
    const unknown = problems.filter((x) => x.code === 'unknown-delay');
    expect(unknown.map((x) => x.location.pointer).sort()).toEqual([
      '/machine/states/consent/after/48',
      '/machine/states/consent/after/noAnswr',
    ]);
    expect(unknown.find((x) => x.location.pointer.endsWith('noAnswr'))?.hint).toContain(
      'Did you mean "noAnswer"?',
    );
    expect(problems.find((x) => x.code === 'numeric-delay-name')?.message).toContain('milliseconds');
  });

  it('reports a form that the protocol does not include', () => {
    const p = goodProtocol();
    p.machine.states.travel!.meta.form = 'travelDocs';
    const problem = verifyProtocol(p).find((x) => x.code === 'unknown-form');
    expect(problem?.location).toEqual({
      pointer: '/machine/states/travel/meta/form',
      state: 'travel',
      form: 'travelDocs',
    });
    expect(problem?.hint).toContain('consent, risk');
  });

  it('reports roles that Ruta does not have, on states and on transitions', () => {
    const p = goodProtocol();
    p.machine.states.screening!.meta.roles = ['caseworker', 'casewroker' as Role];
    p.machine.states.travel!.on = { ARRIVED: { target: 'closure', roles: ['judge' as Role] } };
    const problems = verifyProtocol(p).filter((x) => x.code === 'unknown-role');
    expect(problems.map((x) => x.location.pointer)).toEqual([
      '/machine/states/screening/meta/roles/1',
      '/machine/states/travel/on/ARRIVED/roles/0',
    ]);
    expect(problems[0]?.hint).toContain('Did you mean "caseworker"?');
  });

  it('reports an action type Ruta does not know', () => {
    const p = goodProtocol();
    p.machine.states.travel!.entry = [{ type: 'sendEmail' } as unknown as ActionConfig];
    const problem = verifyProtocol(p).find((x) => x.code === 'unknown-action');
    expect(problem?.location.pointer).toBe('/machine/states/travel/entry/0');
    expect(problem?.hint).toContain('notifyFocalPoint');
  });
});
