import { applyOutcome } from './applyOutcome.js';
import { canonicalJson } from './canonicalJson.js';
import type { CompiledProtocol } from './compileProtocol.js';
import { recordedActor } from './checkInput.js';
import { evaluateCommand } from './evaluateCommand.js';
import { cloneValue } from './runtime.js';
import type { CaseState, Command, EventRecord, Sha256, StepResult } from './types.js';

export interface StepEnv {
  at: string;
  id: string;
  kind: 'step' | 'timer';
  /** Reuse XState's results for identical situations (replay only). */
  memo: boolean;
  /** null: leave the record unsealed (hash "") because the caller compares with a recorded one. */
  sha256: Sha256 | null;
}

/** Applies a command: the shared core of step, fireTimer and replay. Never changes its inputs. */
export function runStep(compiled: CompiledProtocol, c: CaseState, command: Command, env: StepEnv): StepResult {
  const ev = evaluateCommand(compiled, c, command, { kind: env.kind, memo: env.memo });
  if (!ev.ok) return { ok: false, reasons: ev.reasons };
  const { conf, outcome, data, actor } = ev;
  const applied = applyOutcome(compiled, c, outcome.markers, outcome.next.done, data.present ? data.copy : undefined, env.at);
  if (!applied.ok) return { ok: false, reasons: applied.reasons };

  const record: Omit<EventRecord, 'hash'> & { hash?: string } = {
    caseId: c.id,
    seq: c.seq + 1,
    id: env.id,
    kind: env.kind,
    type: command.event,
    at: env.at,
    actor: recordedActor(actor),
    from: cloneValue(conf.value),
    to: cloneValue(outcome.next.value),
    protocol: { ...compiled.ref },
    effects: applied.effects,
    prev: c.head,
  };
  if (data.present) record.data = JSON.parse(data.canonical) as unknown;
  const hash = env.sha256 ? env.sha256(canonicalJson(record)) : '';
  const event: EventRecord = { ...record, hash };
  const next: CaseState = {
    ...c,
    protocol: { ...compiled.ref },
    value: cloneValue(outcome.next.value),
    status: outcome.next.done ? 'closed' : 'active',
    ...applied.parts,
    seq: c.seq + 1,
    head: hash,
    updatedAt: env.at,
  };
  return { ok: true, case: next, event, effects: applied.effects.map((e) => ({ ...e })) };
}
