import { describe, expect, it } from 'vitest';
import { verifyPassed, verifyProtocol } from '../src/index.js';
import { goodProtocol, t } from './verifyFixture.js';

describe('unused definitions', () => {
  it('warns about guards, events, delays and forms nothing uses, without failing the protocol', () => {
    const p = goodProtocol();
    p.guards.highRisk = { logic: { '==': [{ var: 'form.level' }, 'high'] }, description: t('High risk') };
    p.events.ESCALATE = { title: t('Escalate') };
    p.delays = { ...p.delays, week: { hours: 168 } };
    p.forms.extra = { ...p.forms.risk!, id: 'extra' };
    const problems = verifyProtocol(p);
    expect(problems.map((x) => [x.code, x.location.pointer, x.severity])).toEqual([
      ['unused-guard', '/guards/highRisk', 'warning'],
      ['unused-event', '/events/ESCALATE', 'warning'],
      ['unused-delay', '/delays/week', 'warning'],
      ['unused-form', '/forms/extra', 'warning'],
    ]);
    expect(verifyPassed(problems)).toBe(true);
  });
});
