/**
 * A migration moves a running case to a newer version (or a national variant) by mapping its
 * states; it runs none of the protocol's steps. So it may not be used to skip them: it cannot
 * close a case, cannot put a child on the way home without a best-interest determination and a
 * risk assessment recorded (the regional invariants), and cannot "move" a case to its own version.
 */
import { compileProtocol, migrateCase, openCase, type CaseState, type Rejection } from '@ruta/engine';
import { describe, expect, it } from 'vitest';
import { shippedProtocols } from './support/shippedProtocols.js';

const { protocols } = shippedProtocols();
const compiled = (ref: string) => compileProtocol(protocols.find((p) => p.ref === ref)!.protocol);
const gt = compiled('child-repatriation-gt@1');
const regional = compiled('child-repatriation@1');

let clock = Date.parse('2026-03-01T08:00:00.000Z');
let n = 0;
const deps = { clock: () => new Date((clock += 60_000)).toISOString(), ids: () => `ev-${++n}` };
const supervisor = { userId: 'u-sup', role: 'supervisor' as const, country: 'GT' as const };

function openedUnderGt(): CaseState {
  return openCase(gt, { id: `case-${++n}`, country: 'GT', actor: supervisor }, deps).case;
}

function refusal(reasons: Rejection[]) {
  return reasons.find((r) => r.code === 'migration-not-allowed');
}

describe('a migration cannot skip the steps of the protocol', () => {
  it('refuses to put a child in travel with no best-interest determination nor risk assessment recorded', () => {
    const c = openedUnderGt();
    const r = migrateCase(gt, regional, c, { intake: 'travel' }, supervisor, deps);
    expect(r.ok).toBe(false);
    const reason = !r.ok ? refusal(r.reasons) : undefined;
    expect(reason).toMatchObject({
      rule: 'invariant',
      state: 'travel',
      invariant: 'child-return-requires-best-interest-and-risk',
    });
    expect(reason?.message).toContain('best-interest');
    expect(reason?.message).toContain('risk-assessment');
  });

  it('lets it through once every step the invariants require is recorded (the case only changes version)', () => {
    const c = openedUnderGt();
    // Best interest, risk, protection (shelter) and the liaisons' coordination (handover).
    const steps = ['cr-best-interest', 'cr-risk-assessment', 'cr-shelter-health', 'cr-coordination'];
    const recorded: CaseState = {
      ...c,
      data: { ...c.data, ...Object.fromEntries(steps.map((f) => [f, {}])) },
    };
    const onlyOne: CaseState = { ...c, data: { ...c.data, 'cr-best-interest': {} } };
    const refused = migrateCase(gt, regional, onlyOne, { intake: 'travel' }, supervisor, deps);
    expect(!refused.ok && refusal(refused.reasons)?.message).toContain('risk-assessment');
    const r = migrateCase(gt, regional, recorded, { intake: 'travel' }, supervisor, deps);
    if (!r.ok) expect.fail(JSON.stringify(r.reasons));
    expect(r.case.value).toBe('travel');
  });

  it('refuses to close a case', () => {
    const c = openedUnderGt();
    const r = migrateCase(gt, regional, c, { intake: 'closure' }, supervisor, deps);
    expect(!r.ok && refusal(r.reasons)).toMatchObject({ rule: 'final-state', state: 'closure' });
  });

  it('refuses to move a case to its own version or an older one of the same protocol', () => {
    const c = openedUnderGt();
    const r = migrateCase(gt, gt, c, { intake: 'intake' }, supervisor, deps);
    expect(!r.ok && refusal(r.reasons)).toMatchObject({ rule: 'not-newer' });
    expect(!r.ok && refusal(r.reasons)?.message).toContain('child-repatriation-gt@1');
  });
});
