import { describe, expect, it } from 'vitest';
import { availableActions, compileProtocol } from '../src/index.js';
import { drive } from './drive.js';
import { caseworker, childProtocol, foreigner, supervisor, t, testDeps, validScreening } from './fixtures.js';

const compiled = compileProtocol(childProtocol());

describe('availableActions', () => {
  it('lists every event of the current states, with the form to fill', () => {
    const d = drive(compiled, testDeps());
    expect(availableActions(compiled, d.case, caseworker)).toEqual([
      { event: 'SCREEN', title: t('Screen'), form: 'screening', ok: true, reasons: [] },
      {
        event: 'WITHDRAW',
        title: t('Withdraw'),
        ok: false,
        reasons: [expect.objectContaining({ code: 'role-not-allowed', allowed: ['supervisor'] })],
      },
    ]);
  });

  it('says why an actor cannot act, and checks data when given', () => {
    const d = drive(compiled, testDeps());
    const [screen] = availableActions(compiled, d.case, foreigner);
    expect(screen).toMatchObject({
      event: 'SCREEN',
      ok: false,
      reasons: [expect.objectContaining({ code: 'country-not-allowed' })],
    });
    const [withBadData] = availableActions(compiled, d.case, caseworker, { age: 'x' });
    expect(withBadData!.ok).toBe(false);
    expect(withBadData!.reasons.every((r) => r.code === 'form-invalid')).toBe(true);
    const [withGoodData] = availableActions(compiled, d.case, caseworker, validScreening);
    expect(withGoodData).toMatchObject({ ok: true, form: 'screening' });
  });

  it('offers a step whose guard reads the form before the form is filled, but not one blocked by the case', () => {
    const d = drive(compiled, testDeps());
    d.ok('SCREEN', { ...validScreening, age: 30 });
    d.ok('SHELTER_DONE');
    d.ok('HEALTH_DONE');
    // riskLow reads the form (may hold once filled): DECIDE is offered with its form.
    expect(availableActions(compiled, d.case, supervisor)[0]).toMatchObject({
      event: 'DECIDE',
      ok: true,
      form: 'decision',
    });
    // With data that makes riskLow false, and an adult (isMinor false): both guards explain why not.
    const [decide] = availableActions(compiled, d.case, supervisor, { risk: 'high', decision: 'stay' });
    expect(decide!.reasons.map((r) => (r.code === 'guard-failed' ? r.guard : r.code))).toEqual([
      'riskLow',
      'isMinor',
    ]);
  });

  it('changes nothing', () => {
    const d = drive(compiled, testDeps());
    const before = structuredClone(d.case);
    availableActions(compiled, d.case, caseworker, validScreening);
    expect(d.case).toEqual(before);
  });
});
