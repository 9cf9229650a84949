import { describe, expect, it } from 'vitest';
import { compileProtocol, replay, type EventRecord } from '../src/index.js';
import { drive } from './drive.js';
import { childProtocol, supervisor, t, testDeps, validDecision, validScreening } from './fixtures.js';

const v1 = compileProtocol(childProtocol());

function history(): EventRecord[] {
  const d = drive(v1, testDeps());
  d.ok('SCREEN', validScreening);
  d.ok('HEALTH_DONE');
  d.ok('SHELTER_DONE');
  d.ok('DECIDE', validDecision, supervisor);
  d.ok('CLOSE');
  return d.history;
}

/** Another version of the child protocol, changed by `change`. */
function variant(change: (p: ReturnType<typeof childProtocol>) => void) {
  const p = childProtocol();
  p.version = 2;
  change(p);
  return compileProtocol(p);
}

describe('what-if replay against another version', () => {
  it('conforms when nothing that matters differs', () => {
    const v2 = variant((p) => (p.title = t('Same, renamed')));
    const report = replay(history(), () => v1, { against: v2 });
    expect(report.ok).toBe(true);
    expect(report.protocol).toEqual({ id: 'test-child', version: 2, jurisdiction: 'REGIONAL' });
  });

  it('explains a form the other version validates differently, with the field', () => {
    const v2 = variant((p) => {
      p.forms.screening!.schema.properties!.interpreter = { type: 'boolean' };
      p.forms.screening!.schema.required!.push('interpreter');
    });
    const report = replay(history(), () => v1, { against: v2 });
    expect(report.firstDivergence).toBe(1);
    expect(report.events[1]).toMatchObject({
      accepted: false,
      expected: { protection: { shelter: 'placing', health: 'checkup' } },
      actual: 'screening',
    });
    expect(report.events[1]!.reasons).toEqual([
      expect.objectContaining({
        code: 'form-invalid',
        form: 'screening',
        path: '/interpreter',
        keyword: 'required',
      }),
    ]);
    // The case never left screening there, so the following steps are not available either.
    expect(report.events[2]!.reasons).toEqual([
      expect.objectContaining({
        code: 'event-not-available',
        event: 'HEALTH_DONE',
        available: ['SCREEN', 'WITHDRAW'],
      }),
    ]);
  });

  it('explains a guard that is false there, with its condition', () => {
    const v2 = variant((p) => {
      p.guards.riskLow = {
        logic: {
          and: [{ '==': [{ var: 'form.risk' }, 'low'] }, { '>=': [{ var: 'case.screening.age' }, 16] }],
        },
        description: t('low risk and at least 16'),
      };
      p.guards.isMinor = { logic: false, description: t('never') };
    });
    const report = replay(history(), () => v1, { against: v2 });
    expect(report.firstDivergence).toBe(4);
    const guards = report.events[4]!.reasons.filter((r) => r.code === 'guard-failed');
    expect(guards).toEqual([
      expect.objectContaining({
        guard: 'riskLow',
        condition: {
          and: [{ '==': [{ var: 'form.risk' }, 'low'] }, { '>=': [{ var: 'case.screening.age' }, 16] }],
        },
      }),
      expect.objectContaining({ guard: 'isMinor', condition: false }),
    ]);
  });

  it('explains an event the other version does not have in that state', () => {
    const v2 = variant((p) => {
      const health = p.machine.states.protection!.states!.health!;
      health.states!.checkup!.on = { HEALTH_CHECKED: { target: 'done' } };
      p.events.HEALTH_CHECKED = { title: t('Health checked') };
    });
    const report = replay(history(), () => v1, { against: v2 });
    expect(report.firstDivergence).toBe(2);
    expect(report.events[2]!.reasons).toEqual([
      expect.objectContaining({
        code: 'event-not-available',
        event: 'HEALTH_DONE',
        available: ['SHELTER_DONE', 'HEALTH_CHECKED', 'WITHDRAW'],
      }),
    ]);
  });

  it('explains a step that leads elsewhere there', () => {
    const v2 = variant((p) => {
      p.machine.states.screening!.on!.SCREEN = [
        { target: 'decision', guard: 'isVictim', actions: [{ type: 'recordForm' }] },
        { target: 'closed', actions: [{ type: 'recordForm' }] },
      ];
    });
    const report = replay(history(), () => v1, { against: v2 });
    expect(report.firstDivergence).toBe(1);
    expect(report.events[1]).toMatchObject({ accepted: true, sameState: false, actual: 'decision' });
    // v2 also drops the 24-hour alert on that path: the effect that would not happen is named.
    expect(report.events[1]!.reasons).toEqual([
      expect.objectContaining({ code: 'different-state' }),
      expect.objectContaining({
        code: 'different-effects',
        message: expect.stringContaining('24-hour alert'),
      }),
    ]);
  });
});
