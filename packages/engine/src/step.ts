import { checkId, checkInstant, instantMs } from './checkInput.js';
import type { CompiledProtocol } from './compileProtocol.js';
import { runStep } from './runStep.js';
import { resolveSha256 } from './sha256.js';
import type { CaseState, Command, EngineDeps, StepResult } from './types.js';

/**
 * Sends one command to a case. Either every reason it cannot be done now (bad input, case
 * closed, wrong country, event not available here, role not allowed, form invalid field by
 * field, guard false with its condition), with the case untouched; or the new case, the event
 * record to append (sealed with the hash chain) and the effects the server must carry out.
 *
 * Runs XState's transition function on every call (no memoisation: that is replay's), so the
 * transition taken is always XState's own.
 *
 * The new case and the event record share parts (the submitted data, frozen state values):
 * treat both as immutable values, as the engine treats its inputs.
 *
 * @example
 *   const r = step(compiled, c, { event: 'SCREEN', data: { age: 15 }, actor }, deps);
 *   if (!r.ok) show(r.reasons); else save(r.case, r.event);
 */
export function step(
  compiled: CompiledProtocol,
  c: CaseState,
  command: Command,
  deps: EngineDeps,
): StepResult {
  const at = deps.clock();
  const id = deps.ids();
  const atMs = instantMs(at);
  if (atMs === null || typeof id !== 'string' || id === '')
    return { ok: false, reasons: [...checkInstant(at, 'deps.clock()'), ...checkId(id, 'deps.ids()')] };
  return runStep(compiled, c, command, {
    at,
    atMs,
    id,
    kind: 'step',
    memo: false,
    sha256: resolveSha256(deps.sha256),
  });
}
