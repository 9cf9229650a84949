import { badInput, checkId, checkInstant, instantMs, isPlainObject } from './checkInput.js';
import { shown } from './shown.js';
import type { CompiledProtocol } from './compileProtocol.js';
import { parseInstant } from './instant.js';
import { stepInternal, type InternalStep, type StepEnv } from './runStep.js';
import { resolveSha256 } from './sha256.js';
import type { CaseState, EngineDeps, StepResult, Timer } from './types.js';

/** The case's timers due at `now` (an ISO 8601 instant), earliest first. */
export function dueTimers(c: CaseState, now: string): Timer[] {
  const nowMs = parseInstant(now);
  if (nowMs === null || c?.status !== 'active' || !Array.isArray(c.timers)) return [];
  return c.timers
    .map((t) => ({ t, due: parseInstant(t.dueAt) }))
    .filter((x): x is { t: Timer; due: number } => x.due !== null && x.due <= nowMs)
    .sort((a, b) => a.due - b.due)
    .map((x) => ({ ...x.t }));
}

/**
 * Fires a due timer: steps the case with XState's delayed event, as the "system" actor of the
 * case's country, recorded as kind "timer". Firing the same timer twice is refused the second
 * time (it is no longer in case.timers), so a scheduler may retry safely.
 */
export function fireTimer(
  compiled: CompiledProtocol,
  c: CaseState,
  timer: Timer,
  deps: EngineDeps,
): StepResult {
  const at = deps.clock();
  const id = deps.ids();
  const problems = [...checkInstant(at, 'deps.clock()'), ...checkId(id, 'deps.ids()')];
  if (problems.length > 0) return { ok: false, reasons: problems };
  const r = fireTimerAt(compiled, c, timer, {
    at,
    atMs: instantMs(at)!,
    id,
    kind: 'timer',
    memo: false,
    sha256: resolveSha256(deps.sha256),
  });
  if (!r.ok) return r;
  return { ok: true, case: r.case, event: r.event!, effects: r.effects.map((e) => ({ ...e })) };
}

/** fireTimer at a given time: also what replay uses to re-fire a recorded timer. */
export function fireTimerAt(
  compiled: CompiledProtocol,
  c: CaseState,
  timer: Timer,
  env: StepEnv,
): InternalStep {
  if (!isPlainObject(timer) || typeof timer.event !== 'string') {
    return {
      ok: false,
      reasons: [badInput('the timer must be one of case.timers: {event, dueAt, state}', '/timer')],
    };
  }
  const pending = Array.isArray(c?.timers)
    ? c.timers.find((t) => t.event === timer.event && t.state === timer.state)
    : undefined;
  if (!pending) {
    return {
      ok: false,
      reasons: [
        {
          code: 'event-not-available',
          message: `timer "${timer.event}" is not pending on case ${shown(c?.id)}: it already fired, or its state was left`,
          event: timer.event,
          available: Array.isArray(c?.timers) ? c.timers.map((t) => t.event) : [],
        },
      ],
    };
  }
  const due = parseInstant(pending.dueAt);
  if (due === null) {
    return {
      ok: false,
      reasons: [
        badInput(`timer "${timer.event}" has no valid due time ${shown(pending.dueAt)}`, '/timer/dueAt'),
      ],
    };
  }
  if (env.atMs < due) {
    return {
      ok: false,
      reasons: [
        {
          code: 'timer-not-due',
          message: `timer "${timer.event}" is due at ${pending.dueAt}; it is ${env.at}: fire it when due`,
          event: timer.event,
          dueAt: pending.dueAt,
          at: env.at,
        },
      ],
    };
  }
  return stepInternal(
    compiled,
    c,
    { event: pending.event, actor: { userId: 'system', role: 'system', country: c.country } },
    { ...env, kind: 'timer' },
  );
}
