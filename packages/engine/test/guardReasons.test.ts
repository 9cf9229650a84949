import { describe, expect, it } from 'vitest';
import { compileProtocol } from '../src/index.js';
import { drive } from './drive.js';
import { childProtocol, supervisor, t, testDeps, validScreening } from './fixtures.js';

describe('guard reasons', () => {
  it('name every guard that stopped the step, with its description and JSON Logic condition', () => {
    const compiled = compileProtocol(childProtocol());
    // An adult with a high return risk: neither riskLow (on the form) nor isMinor (on the case) holds.
    const adult = drive(compiled, testDeps(), 'case-2');
    adult.ok('SCREEN', { ...validScreening, age: 30 });
    adult.ok('SHELTER_DONE');
    adult.ok('HEALTH_DONE');
    const reasons = adult.no('DECIDE', { risk: 'high', decision: 'return' }, supervisor);
    expect(reasons).toEqual([
      {
        code: 'guard-failed',
        guard: 'riskLow',
        description: t('the return risk is low'),
        condition: { '==': [{ var: 'form.risk' }, 'low'] },
        message: expect.stringContaining('the return risk is low'),
      },
      {
        code: 'guard-failed',
        guard: 'isMinor',
        description: t('the victim is a minor'),
        condition: { '<': [{ var: 'case.screening.age' }, 18] },
        message: expect.stringContaining('"isMinor"'),
      },
    ]);
  });

  it('are not given when another candidate is enabled', () => {
    const compiled = compileProtocol(childProtocol());
    const d = drive(compiled, testDeps());
    // isVictim is false, yet the unguarded second candidate is taken: no guard reason.
    const r = d.ok('SCREEN', { ...validScreening, indicators: false });
    expect(r.case.value).toBe('closed');
  });

  it('treat a guard that cannot be evaluated as false, and say so', () => {
    const p = childProtocol();
    p.guards.isVictim = { logic: { bogusOperator: [1] } as never, description: t('broken guard') };
    p.machine.states.screening!.on!.SCREEN = {
      target: 'protection',
      guard: 'isVictim',
      actions: [{ type: 'recordForm' }],
    };
    const compiled = compileProtocol(p);
    const d = drive(compiled, testDeps());
    const [reason] = d.no('SCREEN', validScreening);
    expect(reason).toMatchObject({ code: 'guard-failed', guard: 'isVictim' });
    expect(reason!.message).toMatch(/bogusOperator/);
  });
});
