import { datedAfter, type Role } from '@ruta/protocol';
import { badInput, checkActor, checkCase, checkData, isPlainObject, type CheckedData } from './checkInput.js';
import type { CompiledProtocol, CompiledTransition } from './compileProtocol.js';
import { formatInstant } from './instant.js';
import type { Configuration, Outcome } from './runtime.js';
import type { Actor, CaseState, Command, Rejection } from './types.js';

export interface EvaluateOptions {
  kind: 'step' | 'timer';
  /** Reuse XState results (replay); step never does. */
  memo: boolean;
  /** The action bar asks without data: a form still to fill is not a reason. */
  probe?: boolean;
  /** command.data already checked by the caller (replay checks it while verifying the hash). */
  checked?: CheckedData;
  /** The configuration of c.value, when the caller already has it (replay). */
  conf?: Configuration;
  /**
   * The case is the engine's own, made by the step before in this same run (replay), not one a
   * caller passed in: its shape needs no checking.
   */
  ownCase?: boolean;
  /** When the step is recorded (ms since the epoch): x-past dates may not be later. */
  atMs?: number;
}

export type Evaluation =
  | { ok: false; reasons: Rejection[]; form?: string }
  | {
      ok: true;
      conf: Configuration;
      outcome: Outcome;
      data: Extract<CheckedData, { ok: true }>;
      actor: Actor;
      /** The first form the step records, if any. */
      form?: string;
    };

/**
 * Every reason `command` cannot be applied to `c` now, or what XState does with it. Checks, in
 * order: the input (case, command, actor, data), whether the case is closed, the actor's
 * country, whether the event exists in the current configuration, the actor's role, the forms
 * the step records, and (when XState takes no transition) the guards that stopped it.
 */
export function evaluateCommand(
  compiled: CompiledProtocol,
  c: CaseState,
  command: Command,
  opts: EvaluateOptions,
): Evaluation {
  const caseProblems = opts.ownCase === true ? NO_REJECTIONS : checkCase(compiled, c);
  if (caseProblems.length > 0) return { ok: false, reasons: caseProblems };
  if (!isPlainObject(command))
    return {
      ok: false,
      reasons: [badInput('the command must be an object {event, data?, actor}', '/command')],
    };
  const reasons: Rejection[] = [];
  if (typeof command.event !== 'string' || command.event === '')
    reasons.push(badInput('command.event must name an event of the protocol', '/event'));
  reasons.push(...checkActor(command.actor));
  if (reasons.length > 0) return { ok: false, reasons };
  const { event, actor } = command;

  const data = opts.checked ?? checkData(command.data);
  if (!data.ok) reasons.push(...data.reasons);
  if (c.status === 'closed')
    reasons.push({ code: 'case-closed', message: `case ${c.id} is closed: no step can be taken any more` });
  if (actor.country !== 'REGIONAL' && actor.country !== c.country) {
    reasons.push({
      code: 'country-not-allowed',
      message: `case ${c.id} is run by ${c.country}; an actor from ${actor.country} cannot step it (only ${c.country} or a REGIONAL actor can)`,
      country: actor.country,
      caseCountry: c.country,
    });
  }

  const rt = compiled.runtime;
  let conf: Configuration;
  try {
    conf = opts.conf ?? rt.configuration(c.value);
  } catch (err) {
    reasons.push(badInput((err as Error).message, '/case/value'));
    return { ok: false, reasons };
  }

  const candidates = conf.candidates.get(event);
  const isTimerEvent = event.startsWith('xstate.');
  if (!candidates || (isTimerEvent && opts.kind !== 'timer')) {
    const where = JSON.stringify(conf.value);
    reasons.push({
      code: 'event-not-available',
      message:
        isTimerEvent && opts.kind !== 'timer'
          ? `"${event}" is an internal event: timers fire through fireTimer`
          : `"${event}" cannot be sent in state ${where}; available: ${conf.events.join(', ') || 'none'}`,
      event,
      available: [...conf.events],
    });
    return { ok: false, reasons };
  }
  const checkRoles = opts.kind !== 'timer';
  if (checkRoles && actor.role === 'system') {
    reasons.push({
      code: 'role-not-allowed',
      message: 'the system actor only fires timers',
      role: 'system',
      allowed: [],
    });
  }
  if (!data.ok) {
    if (checkRoles) anyAllows(compiled, conf, candidates, actor, event, reasons);
    return { ok: false, reasons };
  }

  rt.begin({ case: c.data, form: data.present ? data.copy : undefined });
  let outcome: Outcome;
  try {
    outcome = rt.run(conf, event, opts.memo);
  } catch (err) {
    reasons.push(
      badInput(
        `the protocol could not process "${event}" (a defect of the protocol, not of the input): ${(err as Error).message}`,
      ),
    );
    return { ok: false, reasons };
  }

  const triggered: CompiledTransition[] = [];
  for (const t of outcome.taken) if (t.event === event) triggered.push(t);
  let form: string | undefined;
  if (triggered.length === 0) {
    if (checkRoles) anyAllows(compiled, conf, candidates, actor, event, reasons);
    // Asked without data, a guard that reads the form may still pass once the form is filled.
    const formPending = opts.probe === true && !data.present;
    const hopeful = formPending ? firstHopeful(compiled, candidates) : undefined;
    if (hopeful) form = recordedForm(hopeful);
    else reasons.push(...guardReasons(compiled, candidates));
    if (reasons.length === 0 && !formPending) {
      reasons.push({
        code: 'event-not-available',
        message: `"${event}" triggers no transition in state ${JSON.stringify(conf.value)}`,
        event,
        available: [...conf.events],
      });
    }
    return finish(reasons, form, conf, outcome, data, actor);
  }

  if (checkRoles && actor.role !== 'system') {
    let refused: Map<string, string[]> | undefined;
    for (const t of triggered) {
      const allowed = allowedRoles(compiled, conf, t);
      if (allowed !== null && !allowed.includes(actor.role as Role))
        (refused ??= new Map()).set(allowed.join(','), allowed);
    }
    if (refused) for (const allowed of refused.values()) reasons.push(roleReason(actor.role, event, allowed));
  }

  const forms = recordedForms(outcome);
  form = forms[0];
  if (forms.length === 0 && data.present) {
    // Data no form records would be kept in the event for good, unvalidated and never shown.
    reasons.push(badInput(`"${event}" records no form here: send it without data`, '/data'));
  }
  for (const id of forms) {
    if (!data.present) {
      if (!opts.probe) {
        reasons.push({
          code: 'form-invalid',
          message: `this step records form "${id}": submit its data with the command`,
          form: id,
          path: '/',
          keyword: 'required',
        });
      }
      continue;
    }
    const validate = compiled.forms.get(id);
    if (!validate) {
      reasons.push({
        code: 'form-invalid',
        message: `form "${id}" is not embedded in the protocol`,
        form: id,
        path: '/',
        keyword: 'form',
      });
      continue;
    }
    // checkData already refused forbidden keys and deep nesting in this very object, and gave
    // its JSON text, with which the validator can take its quick pass.
    const result = validate(data.copy, { keysAndDepthChecked: true, text: data.canonical });
    if (result.ok && opts.atMs !== undefined)
      reasons.push(...laterThanRecorded(compiled, id, data.copy, opts.atMs));
    if (!result.ok) {
      for (const e of result.errors) {
        reasons.push({
          code: 'form-invalid',
          message: `form "${id}", field ${e.path}: ${e.message}`,
          form: id,
          path: e.path,
          keyword: e.keyword,
        });
      }
    }
  }
  return finish(reasons, form, conf, outcome, data, actor);
}

function finish(
  reasons: Rejection[],
  form: string | undefined,
  conf: Configuration,
  outcome: Outcome,
  data: Extract<CheckedData, { ok: true }>,
  actor: Actor,
): Evaluation {
  if (reasons.length > 0) return form ? { ok: false, reasons, form } : { ok: false, reasons };
  return form ? { ok: true, conf, outcome, data, actor, form } : { ok: true, conf, outcome, data, actor };
}

/** Adds a role reason unless some candidate transition allows the actor's role. */
function anyAllows(
  compiled: CompiledProtocol,
  conf: Configuration,
  candidates: readonly CompiledTransition[],
  actor: Actor,
  event: string,
  reasons: Rejection[],
): void {
  if (actor.role === 'system') return;
  const allowedSets = candidates.map((t) => allowedRoles(compiled, conf, t));
  if (allowedSets.some((a) => a === null || a.includes(actor.role as Role))) return;
  reasons.push(roleReason(actor.role, event, [...new Set(allowedSets.flatMap((a) => a ?? []))]));
}

/** The first candidate that could be taken once the form is filled: no guard, a true guard, or a guard on the form. */
function firstHopeful(
  compiled: CompiledProtocol,
  candidates: readonly CompiledTransition[],
): CompiledTransition | undefined {
  for (const t of candidates) {
    if (t.guard === undefined || compiled.runtime.evalGuard(t.guard) || compiled.formGuards.has(t.guard))
      return t;
  }
  return undefined;
}

function recordedForm(t: CompiledTransition): string | undefined {
  for (const a of t.actions) if (a.type === 'recordForm') return a.form;
  return undefined;
}

function roleReason(role: string, event: string, allowed: string[]): Rejection {
  return {
    code: 'role-not-allowed',
    message: `a ${role} cannot send "${event}" here; allowed: ${allowed.join(', ') || 'nobody'}`,
    role,
    allowed,
  };
}

function guardReasons(compiled: CompiledProtocol, candidates: readonly CompiledTransition[]): Rejection[] {
  const out: Rejection[] = [];
  const seen = new Set<string>();
  for (const t of candidates) {
    if (t.guard === undefined || seen.has(t.guard)) continue;
    seen.add(t.guard);
    if (compiled.runtime.evalGuard(t.guard)) continue;
    const def = compiled.guards.get(t.guard)!;
    const error = compiled.runtime.guardError(t.guard);
    out.push({
      code: 'guard-failed',
      message: `condition "${t.guard}" is not met: ${def.description.en}${error ? ` (it could not be evaluated: ${error})` : ''}`,
      guard: t.guard,
      description: def.description,
      condition: def.logic,
    });
  }
  return out;
}

/** Forms recorded by the actions XState ran, in order, each once. */
function recordedForms(outcome: Outcome): readonly string[] {
  let out: string[] | undefined;
  for (const m of outcome.markers) {
    for (const form of m.records) {
      if (out === undefined) out = [form];
      else if (!out.includes(form)) out.push(form);
    }
  }
  return out ?? NO_FORMS;
}

const NO_FORMS: readonly string[] = [];
const NO_REJECTIONS: Rejection[] = [];

/**
 * Roles that may take a transition: its own `roles`, else its source state's, else (for a
 * transition of a parent or of the machine root) those of the active states below it that
 * declare roles. null means anyone may.
 */
export function allowedRoles(
  compiled: CompiledProtocol,
  conf: Configuration,
  t: CompiledTransition,
): Role[] | null {
  if (t.roles) return t.roles;
  const source = t.source === '' ? undefined : compiled.states.get(t.source);
  if (source?.roles) return source.roles;
  const out = new Set<Role>();
  for (const leaf of conf.atomic) {
    if (t.source !== '' && leaf.path !== t.source && !leaf.path.startsWith(`${t.source}.`)) continue;
    let roles: Role[] | undefined;
    for (
      let s = compiled.states.get(leaf.path);
      s && s.path !== t.source;
      s = s.parent === null ? undefined : compiled.states.get(s.parent)
    ) {
      if (s.roles) {
        roles = s.roles;
        break;
      }
    }
    if (!roles) return null;
    for (const r of roles) out.add(r);
  }
  return out.size === 0 ? null : [...out];
}

/**
 * The x-past fields of a valid submission dated after the step recording it: the date of a
 * detection, a visit or a decision cannot be in the future.
 */
function laterThanRecorded(
  compiled: CompiledProtocol,
  form: string,
  data: unknown,
  atMs: number,
): Rejection[] {
  const fields = compiled.pastFields.get(form);
  if (!fields || !isPlainObject(data)) return [];
  const out: Rejection[] = [];
  for (const { key, format } of fields) {
    const value = data[key];
    if (typeof value !== 'string' || !datedAfter(format, value, atMs)) continue;
    out.push({
      code: 'form-invalid',
      message: `form "${form}", field /${key}: ${value} is later than when the step is recorded (${formatInstant(atMs)}): it must be the date of something that happened`,
      form,
      path: `/${key}`,
      keyword: 'notInFuture',
    });
  }
  return out;
}
