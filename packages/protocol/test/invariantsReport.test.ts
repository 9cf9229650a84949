import { describe, expect, it } from 'vitest';
import { exploreStateSpace, invariantReport } from '../src/index.js';
import { goodProtocol, t } from './verifyFixture.js';

describe('invariantReport', () => {
  it('lists every invariant in force with whether it holds', () => {
    const p = goodProtocol();
    p.events.SKIP = { title: t('Skip assessment') };
    p.machine.states.consent!.on!.SKIP = { target: 'travel' };
    const report = invariantReport(p, exploreStateSpace(p));
    expect(report.map((r) => [r.id, r.kind, r.ok, r.problems.length])).toEqual([
      ['consent-and-risk-before-travel', 'mustPassBefore', false, 1],
      ['withdrawal-until-travel', 'availableUntil', true, 0],
    ]);
    expect(report[0]?.description.en).toBe('Nobody travels without consent and a risk assessment.');
  });

  it('does not pass an invariant it could not check', () => {
    const p = goodProtocol();
    p.machine.states.screening!.on = { SCREENED: { target: 'nowhere' } };
    const report = invariantReport(p, exploreStateSpace(p));
    expect(report.map((r) => [r.ok, r.problems[0]?.code])).toEqual([
      [false, 'invariant-not-checked'],
      [false, 'invariant-not-checked'],
    ]);
  });

  it('does not pass an invariant on a partial exploration that found no violation', () => {
    const p = goodProtocol();
    const report = invariantReport(p, exploreStateSpace(p, { maxConfigurations: 2 }));
    expect(report.map((r) => r.ok)).toEqual([false, false]);
    expect(report[0]?.problems[0]?.code).toBe('invariant-unproven');
  });
});
