import { describe, expect, it } from 'vitest';
import { compileProtocol, dueTimers, fireTimer, replay, verifyChain } from '../src/index.js';
import { drive } from './drive.js';
import { childProtocol, supervisor, testDeps, validDecision, validScreening } from './fixtures.js';

const compiled = compileProtocol(childProtocol());
const HOUR = 3_600_000;

function atFollowUp() {
  const deps = testDeps();
  const d = drive(compiled, deps);
  d.ok('SCREEN', validScreening);
  d.ok('SHELTER_DONE');
  d.ok('HEALTH_DONE');
  d.ok('DECIDE', validDecision, supervisor);
  return { deps, d };
}

describe('timers', () => {
  it('start when their state is entered, due the delay later', () => {
    const { d } = atFollowUp();
    expect(d.case.timers).toEqual([
      {
        event: 'xstate.after.followUp.test-child.followUp',
        state: 'followUp',
        dueAt: '2025-03-04T08:05:00.000Z',
      },
    ]);
  });

  it('are due only once their time has come', () => {
    const { d } = atFollowUp();
    expect(dueTimers(d.case, '2025-03-04T08:04:59.999Z')).toEqual([]);
    expect(dueTimers(d.case, '2025-03-04T08:05:00.000Z')).toEqual(d.case.timers);
    expect(dueTimers(d.case, 'not a time')).toEqual([]);
  });

  it('fire once, as the system actor, recorded as kind "timer"', () => {
    const { d, deps } = atFollowUp();
    const [timer] = d.case.timers;
    expect(fireTimer(compiled, d.case, timer!, deps)).toMatchObject({
      ok: false,
      reasons: [{ code: 'timer-not-due', event: timer!.event, dueAt: timer!.dueAt, at: expect.any(String) }],
    });
    deps.advance(72 * HOUR);
    const r = fireTimer(compiled, d.case, timer!, deps);
    if (!r.ok) expect.fail(JSON.stringify(r.reasons));
    expect(r.event).toMatchObject({
      kind: 'timer',
      type: timer!.event,
      actor: { userId: 'system', role: 'system', country: 'GT' },
      from: 'followUp',
      to: 'closed',
    });
    expect(r.case).toMatchObject({ status: 'closed', timers: [] });
    const again = fireTimer(compiled, r.case, timer!, deps);
    expect(again).toMatchObject({ ok: false, reasons: [{ code: 'event-not-available' }] });
    expect(!again.ok && again.reasons[0]!.message).toContain('already fired');
    const history = [...d.history, r.event];
    expect(verifyChain(history).ok).toBe(true);
    expect(replay(history, () => compiled).ok).toBe(true);
  });

  it('are dropped when the case leaves their state first', () => {
    const { d, deps } = atFollowUp();
    const [timer] = d.case.timers;
    d.ok('CLOSE');
    expect(d.case.timers).toEqual([]);
    deps.advance(100 * HOUR);
    expect(fireTimer(compiled, d.case, timer!, deps).ok).toBe(false);
  });

  it('cannot be sent as an ordinary event', () => {
    const { d } = atFollowUp();
    expect(d.no(d.case.timers[0]!.event)).toEqual([expect.objectContaining({ code: 'event-not-available' })]);
  });
});
