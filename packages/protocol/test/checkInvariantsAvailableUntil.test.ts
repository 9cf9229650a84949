import { describe, expect, it } from 'vitest';
import { checkInvariants, exploreStateSpace, type InvariantProblem } from '../src/index.js';
import { goodProtocol, t } from './verifyFixture.js';

const check = (p: ReturnType<typeof goodProtocol>) =>
  checkInvariants(p, exploreStateSpace(p)) as InvariantProblem[];

describe('availableUntil', () => {
  it('holds when withdrawal is available in every state, from the machine level', () => {
    expect(check(goodProtocol())).toEqual([]);
  });

  it('finds the states before travel where consent cannot be withdrawn, with a path to each', () => {
    const p = goodProtocol();
    p.machine.on = {};
    p.machine.states.screening!.on!.WITHDRAW = { target: 'closure' };
    p.machine.states.consent!.on!.WITHDRAW = { target: 'closure' };
    const problems = check(p);
    expect(problems.map((x) => [x.code, x.location.state])).toEqual([['invariant-violated', 'assessment']]);
    expect(problems[0]?.message).toContain('In "Risk assessment", "WITHDRAW" is not available');
    expect(problems[0]?.counterExample?.map((s) => s.states[0])).toEqual([
      'screening',
      'consent',
      'assessment',
    ]);
    expect(problems[0]?.hint).toContain('Add a transition on "WITHDRAW" from "Risk assessment"');
  });

  it('does not ask for the event once the until-state is entered, nor in a closed case', () => {
    const p = goodProtocol();
    p.machine.on = {};
    for (const key of ['screening', 'consent', 'assessment'] as const)
      p.machine.states[key]!.on!.WITHDRAW = { target: 'closure' };
    expect(check(p)).toEqual([]);
  });

  it('counts an event that only a guard can stop as available', () => {
    const p = goodProtocol();
    p.guards.consentOnFile = { logic: { var: 'case.consent.given' }, description: t('Consent on file') };
    p.machine.on = { WITHDRAW: { target: '#mini.closure', guard: 'consentOnFile' } };
    expect(check(p)).toEqual([]);
  });

  it('tells the designer to define the event when the protocol lacks it', () => {
    const p = goodProtocol();
    p.machine.on = {};
    delete (p.events as Record<string, unknown>).WITHDRAW;
    const problems = check(p);
    expect(problems.map((x) => x.location.state)).toEqual(['screening', 'consent', 'assessment']);
    expect(problems[0]?.hint).toContain('does not define the event "WITHDRAW"');
  });
});
