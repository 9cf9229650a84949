import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  activePaths,
  advanceClock,
  guardChecks,
  simulateStep,
  simulatedActions,
  startSimulation,
} from '../src/designer/model/simulation.js';
import { sha256 } from '../src/designer/model/sha256.js';
import { removeTransition } from '../src/designer/model/transitionEdits.js';
import { voluntaryReturnFixture } from '../src/designer/fixtures/voluntaryReturnFixture.js';
import { shipped } from './designerShipped.js';

const vr = shipped('voluntary-return@1');
const example = (form: string, i = 0) => vr.forms[form]!.examples![i]!;

describe('simulating a draft', () => {
  it('walks the shipped voluntary return with the sample submissions, showing each guard with the values it read', () => {
    const started = startSimulation(vr, { country: 'HN', role: 'caseworker' });
    if (!started.ok) throw new Error(started.error);
    let sim = started.sim;
    expect(activePaths(sim.case.value)).toEqual(['intake']);
    const go = (event: string, data?: unknown) => {
      const r = simulateStep(sim, event, data);
      if (!r.ok) throw new Error(r.reasons.map((x) => x.message).join('; '));
      sim = r.sim;
    };
    go('REFER', example('vr-referral'));
    go('REQUEST_RETURN', example('vr-protection'));
    expect(activePaths(sim.case.value)).toContain('preparation.consent');

    const consents = example('vr-consent', 0);
    const checks = guardChecks(sim, 'CONSENT_RECORDED', consents);
    expect(checks.map((c) => [c.guard, c.result])).toEqual([
      ['consentGiven', true],
      ['consentNotGiven', false],
    ]);
    expect(checks[0]!.reads).toEqual([
      { variable: 'form.decision', value: 'consents' },
      { variable: 'form.consentSigned', value: true },
    ]);
    // The other sample (needs more time) turns the first guard false and the second true.
    expect(guardChecks(sim, 'CONSENT_RECORDED', example('vr-consent', 1)).map((c) => c.result)).toEqual([
      false,
      true,
    ]);

    go('CONSENT_RECORDED', consents);
    expect(activePaths(sim.case.value)).toContain('preparation.riskAssessment');
    expect(sim.steps.map((s) => s.event)).toEqual(['REFER', 'REQUEST_RETURN', 'CONSENT_RECORDED']);
    expect(sim.case.data['vr-consent']).toEqual(consents);
  });

  it('explains why an event cannot be sent, and changes nothing', () => {
    const started = startSimulation(vr, { country: 'HN', role: 'caseworker' });
    if (!started.ok) throw new Error(started.error);
    const r = simulateStep(started.sim, 'CONSENT_RECORDED', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasons[0]!.code).toBe('event-not-available');
    const actions = simulatedActions(started.sim);
    expect(actions.find((a) => a.event === 'REFER')?.ok).toBe(true);
  });

  it('fires delayed transitions when the simulated clock moves on', () => {
    const started = startSimulation(voluntaryReturnFixture, { country: 'HN', role: 'caseworker' });
    if (!started.ok) throw new Error(started.error);
    let sim = started.sim;
    const path = [
      ['consentGiven', { language: 'es', agrees: true }],
      ['riskAssessed', { level: 'low' }],
      ['documentsIssued', undefined],
      ['liaisonsAgreed', undefined],
      ['travelled', { date: '2026-03-01' }],
      ['received', undefined],
    ] as const;
    for (const [event, data] of path) {
      const r = simulateStep(sim, event, data);
      if (!r.ok) throw new Error(`${event}: ${r.reasons.map((x) => x.message).join('; ')}`);
      sim = r.sim;
    }
    expect(activePaths(sim.case.value)).toEqual(['followUp']);
    expect(activePaths(advanceClock(sim, 24).case.value)).toEqual(['followUp']);
    const later = advanceClock(sim, 721);
    expect(later.case.status).toBe('closed');
    expect(later.steps.at(-1)!.to).toBe('closed');
  });

  it('says why a draft that cannot run is not simulated', () => {
    const broken = removeTransition(voluntaryReturnFixture, {
      source: 'consent',
      event: 'consentGiven',
      index: 0,
    });
    const bad = { ...broken, machine: { ...broken.machine, initial: 'nowhere' } };
    const r = startSimulation(bad, { country: 'HN', role: 'caseworker' });
    expect(r.ok).toBe(false);
  });
});

describe('the simulator hash', () => {
  it('is SHA-256', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        expect(sha256(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
    );
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
