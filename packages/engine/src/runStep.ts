import { applyOutcome } from './applyOutcome.js';
import { recordText } from './recordText.js';
import type { CompiledProtocol } from './compileProtocol.js';
import { recordedActor, type CheckedData } from './checkInput.js';
import { evaluateCommand } from './evaluateCommand.js';
import type { Configuration } from './runtime.js';
import type { CaseState, Command, Effect, EventRecord, Rejection, Sha256, StepResult } from './types.js';

export interface StepEnv {
  at: string;
  /** `at` in milliseconds since the epoch. */
  atMs: number;
  id: string;
  kind: 'step' | 'timer';
  /** Reuse XState's results for identical situations (replay only). */
  memo: boolean;
  /** null: leave the record unsealed (hash "") because the caller compares with a recorded one. */
  sha256: Sha256 | null;
  /** command.data already checked (replay checks it while verifying the recorded hash). */
  checked?: CheckedData;
  /** The configuration of the case's value, when known (replay). */
  conf?: Configuration;
  /** The case is the engine's own, made in this same run (replay): no shape checks, no extra fields. */
  ownCase?: boolean;
  /** false: only the new case is needed (replay), not the event record. */
  record?: boolean;
}

export type InternalStep =
  | { ok: false; reasons: Rejection[] }
  | { ok: true; case: CaseState; event: EventRecord | null; effects: Effect[]; next: Configuration };

/**
 * Applies a command: the shared core of step, fireTimer and replay. Never changes its inputs.
 * The new case and the event share frozen parts (the state values, the submitted data).
 */
export function stepInternal(
  compiled: CompiledProtocol,
  c: CaseState,
  command: Command,
  env: StepEnv,
): InternalStep {
  // env carries the evaluation options (kind, memo, checked, conf) itself.
  const ev = evaluateCommand(compiled, c, command, env);
  if (!ev.ok) return { ok: false, reasons: ev.reasons };
  const { conf, outcome, data, actor } = ev;
  const next = outcome.next;
  const applied = applyOutcome(
    compiled,
    c,
    outcome.markers,
    next.done,
    data.present ? data.copy : undefined,
    env.at,
    env.atMs,
  );
  if (!applied.ok) return { ok: false, reasons: applied.reasons };

  let event: EventRecord | null = null;
  let hash = '';
  if (env.record !== false) {
    const recorded = recordedActor(actor);
    if (env.sha256) {
      hash = env.sha256(
        recordText({
          actor: recorded,
          at: env.at,
          caseId: c.id,
          dataText: data.present ? data.canonical : undefined,
          effects: applied.effects,
          fromText: conf.key,
          id: env.id,
          kind: env.kind,
          prev: c.head,
          protocolText: compiled.refText,
          seq: c.seq + 1,
          toText: next.key,
          type: command.event,
        }),
      );
    }
    // Written out in one literal (the key order is the record's usual one), not spread from a draft.
    event = data.present
      ? {
          caseId: c.id,
          seq: c.seq + 1,
          id: env.id,
          kind: env.kind,
          type: command.event,
          at: env.at,
          actor: recorded,
          data: data.copy,
          from: conf.value,
          to: next.value,
          protocol: {
            id: compiled.ref.id,
            version: compiled.ref.version,
            jurisdiction: compiled.ref.jurisdiction,
          },
          effects: applied.effects,
          prev: c.head,
          hash,
        }
      : {
          caseId: c.id,
          seq: c.seq + 1,
          id: env.id,
          kind: env.kind,
          type: command.event,
          at: env.at,
          actor: recorded,
          from: conf.value,
          to: next.value,
          protocol: {
            id: compiled.ref.id,
            version: compiled.ref.version,
            jurisdiction: compiled.ref.jurisdiction,
          },
          effects: applied.effects,
          prev: c.head,
          hash,
        };
  }
  const { parts } = applied;
  const protocol = {
    id: compiled.ref.id,
    version: compiled.ref.version,
    jurisdiction: compiled.ref.jurisdiction,
  };
  const status = next.done ? 'closed' : 'active';
  const exact = env.ownCase === true || hasOnlyCaseKeys(c);
  const nextCase: CaseState = exact
    ? // Written out: spreading the previous case costs several times more, for the same object.
      {
        id: c.id,
        protocol,
        country: c.country,
        value: next.value,
        status,
        data: parts.data,
        profile: parts.profile,
        deadlines: parts.deadlines,
        timers: parts.timers,
        seq: c.seq + 1,
        head: hash,
        openedAt: c.openedAt,
        updatedAt: env.at,
      }
    : // A case carrying more than the contract's fields keeps them.
      {
        ...c,
        protocol,
        value: next.value,
        status,
        data: parts.data,
        profile: parts.profile,
        deadlines: parts.deadlines,
        timers: parts.timers,
        seq: c.seq + 1,
        head: hash,
        updatedAt: env.at,
      };
  return { ok: true, case: nextCase, event, effects: applied.effects, next };
}

const CASE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'protocol',
  'country',
  'value',
  'status',
  'data',
  'profile',
  'deadlines',
  'timers',
  'seq',
  'head',
  'openedAt',
  'updatedAt',
]);

/** Whether a case has exactly the fields of the CaseState contract, nothing more. */
function hasOnlyCaseKeys(c: CaseState): boolean {
  const keys = Object.keys(c);
  if (keys.length !== CASE_KEYS.size) return false;
  for (let i = 0; i < keys.length; i++) if (!CASE_KEYS.has(keys[i]!)) return false;
  return true;
}

/** stepInternal with the event record sealed: what step and fireTimer give their callers. */
export function runStep(
  compiled: CompiledProtocol,
  c: CaseState,
  command: Command,
  env: StepEnv,
): StepResult {
  const r = stepInternal(compiled, c, command, env);
  if (!r.ok) return r;
  return { ok: true, case: r.case, event: r.event!, effects: r.effects.map((e) => ({ ...e })) };
}
