import { describe, expect, it } from 'vitest';
import { compileProtocol, hashEvent, step, type CaseState } from '../src/index.js';
import { drive } from './drive.js';
import {
  caseworker,
  childProtocol,
  clone,
  supervisor,
  testDeps,
  validDecision,
  validScreening,
} from './fixtures.js';

const compiled = compileProtocol(childProtocol());

describe('step', () => {
  it('takes the first enabled transition in document order, as XState does', () => {
    const victim = drive(compiled, testDeps());
    victim.ok('SCREEN', validScreening);
    expect(victim.case.value).toEqual({ protection: { shelter: 'placing', health: 'checkup' } });
    // Guard false: the second candidate (no guard) is taken.
    const notVictim = drive(compiled, testDeps());
    notVictim.ok('SCREEN', { ...validScreening, indicators: false });
    expect(notVictim.case.value).toBe('closed');
    expect(notVictim.case.status).toBe('closed');
  });

  it('records the form under its id and recomputes the profile', () => {
    const d = drive(compiled, testDeps());
    d.ok('SCREEN', { ...validScreening, notes: 'found at the border' });
    expect(d.case.data.screening).toEqual({ ...validScreening, notes: 'found at the border' });
    expect(d.case.profile).toEqual({ originCountry: 'HN', sex: 'f', ageGroup: 'child' });
  });

  it("keeps a copy of the data, not the caller's object", () => {
    const d = drive(compiled, testDeps());
    const submitted = { ...validScreening };
    d.ok('SCREEN', submitted);
    submitted.origin = 'MX';
    expect((d.case.data.screening as { origin: string }).origin).toBe('HN');
  });

  it('turns notifyFocalPoint into an effect for the country of origin', () => {
    const d = drive(compiled, testDeps());
    const r = d.ok('SCREEN', validScreening);
    expect(r.effects).toEqual([
      { type: 'notifyFocalPoint', country: 'HN', reason: { es: '24-hour alert', en: '24-hour alert' } },
    ]);
    expect(r.event.effects).toEqual(r.effects);
  });

  it('writes an event record chained to the case head and sealed with its hash', () => {
    const deps = testDeps();
    const d = drive(compiled, deps);
    const head = d.case.head;
    const r = d.ok('SCREEN', validScreening);
    expect(r.event).toMatchObject({
      caseId: 'case-1',
      seq: 1,
      id: 'e2',
      kind: 'step',
      type: 'SCREEN',
      at: '2025-03-01T08:02:00.000Z',
      actor: { userId: 'u-cw', role: 'caseworker', country: 'GT' },
      data: validScreening,
      from: 'screening',
      to: { protection: { shelter: 'placing', health: 'checkup' } },
      protocol: { id: 'test-child', version: 1, jurisdiction: 'REGIONAL' },
      prev: head,
    });
    expect(r.event.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.event.hash).toBe(hashEvent(r.event));
    expect(r.case).toMatchObject({ seq: 1, head: r.event.hash, updatedAt: r.event.at });
  });

  it('steps a case read back from storage, its state value in any key order, as the case it was', () => {
    const d = drive(compiled, testDeps());
    d.ok('SCREEN', validScreening);
    const command = { event: 'HEALTH_DONE', actor: caseworker };
    const inMemory = step(compiled, d.case, command, testDeps('2025-03-02T08:00:00.000Z'));
    const stored = clone(d.case);
    const reversed = (o: object) => Object.fromEntries(Object.entries(o).reverse());
    const value = stored.value as { protection: object };
    const reordered: CaseState = {
      ...stored,
      value: reversed({ ...value, protection: reversed(value.protection) }) as CaseState['value'],
    };
    for (const c of [stored, reordered])
      expect(step(compiled, c, command, testDeps('2025-03-02T08:00:00.000Z'))).toEqual(inMemory);
  });

  it('records only the actor fields of the contract', () => {
    const d = drive(compiled, testDeps());
    const r = d.ok('SCREEN', validScreening, {
      userId: 'u-cw',
      role: 'caseworker',
      country: 'GT',
      token: 'secret',
    } as never);
    expect(r.event.actor).toEqual({ userId: 'u-cw', role: 'caseworker', country: 'GT' });
  });

  it('goes back when a guard on the case (not the form) holds', () => {
    const d = drive(compiled, testDeps());
    d.ok('SCREEN', validScreening);
    d.ok('SHELTER_DONE');
    d.ok('HEALTH_DONE');
    expect(d.case.value).toBe('decision');
    // risk high: riskLow is false, isMinor (reads case.screening.age = 15) holds.
    d.ok('DECIDE', { risk: 'high', decision: 'stay' }, supervisor);
    expect(d.case.value).toEqual({ protection: { shelter: 'placing', health: 'checkup' } });
    expect(d.case.data.decision).toEqual({ risk: 'high', decision: 'stay' });
  });

  it('closes the case when the machine reaches a top-level final state', () => {
    const d = drive(compiled, testDeps());
    d.ok('SCREEN', validScreening);
    d.ok('SHELTER_DONE');
    d.ok('HEALTH_DONE');
    d.ok('DECIDE', validDecision, supervisor);
    expect(d.case.status).toBe('active');
    d.ok('CLOSE');
    expect(d.case).toMatchObject({ value: 'closed', status: 'closed', deadlines: [], timers: [] });
  });
});
