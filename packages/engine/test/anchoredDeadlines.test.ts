import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResolvedProtocol } from '@ruta/protocol';
import { compileProtocol, fireTimer, migrateCase, replay, type CompiledProtocol } from '../src/index.js';
import { drive } from './drive.js';
import { childProtocol, supervisor, t, testDeps, validDecision, validScreening } from './fixtures.js';

// A deadline that counts from a recorded event (the detection) is due that long after the event,
// not after the step that records it: a child detected yesterday at 10:00 whose screening is saved
// today at 09:00 has one hour left for the 24-hour alert, not 24.

const HOUR = 3_600_000;
const DETECTED = { field: 'screening.detectedAt' };

/**
 * The engine's test protocol with a date-time detectedAt on the screening form, the shelter
 * placement due 12 h after it, a 24-hour alert timer in health checkup counting from it, and the
 * decision's report deadline 48 h after it.
 */
function anchoredProtocol(pastOnly = true): ResolvedProtocol {
  const p = childProtocol();
  p.version = 2;
  p.forms.screening!.schema.properties!.detectedAt = {
    type: 'string',
    format: 'date-time',
    ...(pastOnly ? { 'x-past': true } : {}),
  };
  p.delays = { followUp: { hours: 72 }, alert24h: { hours: 24, from: DETECTED } };
  const protection = p.machine.states.protection!.states!;
  protection.shelter!.states!.placing!.meta.deadline = { hours: 12, from: DETECTED };
  protection.health!.states!.checkup!.after = { alert24h: { target: 'done' } };
  const decide = p.machine.states.decision!.on!.DECIDE as { actions?: unknown[] }[];
  decide[0]!.actions = [
    { type: 'recordForm' },
    { type: 'setDeadline', params: { name: 'report', hours: 48, title: t('Report'), from: DETECTED } },
  ];
  return p;
}

const compiled = compileProtocol(anchoredProtocol());
const lookup = (c: CompiledProtocol) => () => c;

describe('deadlines anchored to a recorded date-time field', () => {
  it('count from the detection, not from the step that records it', () => {
    const deps = testDeps('2026-12-02T09:00:00.000Z');
    const d = drive(compiled, deps);
    // Detected yesterday at 10:00 UTC, screened today at 09:02 (opened at 09:01).
    const screened = d.ok('SCREEN', { ...validScreening, detectedAt: '2026-12-01T10:00:00Z' });
    expect(screened.event.at).toBe('2026-12-02T09:02:00.000Z');
    expect(d.case.deadlines).toEqual([
      {
        name: 'state:protection.shelter.placing',
        title: { es: 'Placing', en: 'Placing' },
        setAt: '2026-12-02T09:02:00.000Z',
        // 12 h after the detection: already past, where counting from the step gave until 21:02.
        dueAt: '2026-12-01T22:00:00.000Z',
      },
    ]);
    expect(d.case.timers).toEqual([
      {
        event: 'xstate.after.alert24h.test-child.protection.health.checkup',
        dueAt: '2026-12-02T10:00:00.000Z',
        state: 'protection.health.checkup',
      },
    ]);
  });

  it('read a detection written with an offset as the instant it names', () => {
    const d = drive(compiled, testDeps('2026-12-02T09:00:00.000Z'));
    d.ok('SCREEN', { ...validScreening, detectedAt: '2026-12-01T04:00:00-06:00' });
    expect(d.case.timers[0]!.dueAt).toBe('2026-12-02T10:00:00.000Z');
  });

  it('count from the step when the case does not record the field', () => {
    const d = drive(compiled, testDeps('2026-12-02T09:00:00.000Z'));
    d.ok('SCREEN', validScreening);
    expect(d.case.deadlines[0]!.dueAt).toBe('2026-12-02T21:02:00.000Z');
    expect(d.case.timers[0]!.dueAt).toBe('2026-12-03T09:02:00.000Z');
  });

  it('never give more time than counting from the step, even for an anchor later than the step', () => {
    // Only a form without x-past lets a later date through: the engine still guards.
    const lax = compileProtocol(anchoredProtocol(false));
    const d = drive(lax, testDeps('2026-12-02T09:00:00.000Z'));
    d.ok('SCREEN', { ...validScreening, detectedAt: '2026-12-05T00:00:00Z' });
    expect(d.case.deadlines[0]!.dueAt).toBe('2026-12-02T21:02:00.000Z');
    expect(d.case.timers[0]!.dueAt).toBe('2026-12-03T09:02:00.000Z');
  });

  it('also anchor deadlines set by actions', () => {
    const d = drive(compiled, testDeps('2026-12-02T09:00:00.000Z'));
    d.ok('SCREEN', { ...validScreening, detectedAt: '2026-12-01T10:00:00Z' });
    d.ok('SHELTER_DONE');
    d.ok('HEALTH_DONE');
    d.ok('DECIDE', validDecision, supervisor);
    expect(d.case.deadlines).toEqual([
      expect.objectContaining({ name: 'report', dueAt: '2026-12-03T10:00:00.000Z' }),
    ]);
  });

  it('fire the anchored timer when it falls due after the detection, and not before', () => {
    const deps = testDeps('2026-12-01T20:00:00.000Z');
    const d = drive(compiled, deps);
    d.ok('SCREEN', { ...validScreening, detectedAt: '2026-12-01T10:00:00Z' });
    const timer = d.case.timers[0]!;
    expect(timer.dueAt).toBe('2026-12-02T10:00:00.000Z');
    const early = fireTimer(compiled, d.case, timer, testDeps('2026-12-02T09:58:00.000Z'));
    expect(early.ok ? null : early.reasons[0]!.code).toBe('timer-not-due');
    const fired = fireTimer(compiled, d.case, timer, testDeps('2026-12-02T09:59:00.000Z'));
    expect(fired.ok && fired.case.value).toEqual({ protection: { shelter: 'placing', health: 'done' } });
  });

  it('are due hours after the detection, never after the step, and replay to the same (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 * 60 }), // minutes between the detection and the screening
        fc.integer({ min: 0, max: 59 }),
        (minutesBefore, seconds) => {
          const deps = testDeps('2026-12-10T12:00:00.000Z');
          const d = drive(compiled, deps, `case-${minutesBefore}-${seconds}`);
          const stepAt = Date.parse('2026-12-10T12:02:00.000Z');
          const detected = stepAt - minutesBefore * 60_000 - seconds * 1000;
          d.ok('SCREEN', { ...validScreening, detectedAt: new Date(detected).toISOString() });
          const due = Date.parse(d.case.deadlines[0]!.dueAt);
          expect(due).toBe(detected + 12 * HOUR);
          expect(due).toBeLessThanOrEqual(stepAt + 12 * HOUR);
          expect(Date.parse(d.case.timers[0]!.dueAt)).toBe(detected + 24 * HOUR);
          const report = replay(d.history, lookup(compiled), { head: d.case.head, document: d.case });
          expect(report.ok).toBe(true);
          expect(report.document).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('count from the detection after a migration to a version that anchors them, in the states it continues', () => {
    const before = compileProtocol(childProtocol());
    const deps = testDeps('2026-12-02T09:00:00.000Z');
    const d = drive(before, deps);
    d.ok('SCREEN', { ...validScreening });
    // The first version had no detectedAt: the data the case records counts only once it has one.
    const c = {
      ...d.case,
      data: { ...d.case.data, screening: { ...validScreening, detectedAt: '2026-12-01T10:00:00Z' } },
    };
    const r = migrateCase(
      before,
      compiled,
      c,
      {
        'protection.shelter.placing': 'protection.shelter.placing',
        'protection.health.checkup': 'protection.health.checkup',
      },
      supervisor,
      testDeps('2026-12-02T12:00:00.000Z'),
    );
    if (!r.ok) expect.fail(JSON.stringify(r.reasons));
    const placing = r.case.deadlines.find((x) => x.name === 'state:protection.shelter.placing');
    expect(placing?.dueAt).toBe('2026-12-01T22:00:00.000Z');
    expect(r.case.timers.map((x) => x.dueAt)).toEqual(['2026-12-02T10:00:00.000Z']);
  });
});
