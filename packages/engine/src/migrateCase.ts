import { findForbiddenKey } from '@ruta/protocol';
import { shown } from './shown.js';
import { anchoredDue } from './anchoredDue.js';
import { addMilliseconds, formatInstant, parseInstant } from './instant.js';
import {
  badInput,
  checkActor,
  checkCase,
  checkId,
  checkInstant,
  isPlainObject,
  recordedActor,
} from './checkInput.js';
import type { CompiledAnchor, CompiledProtocol } from './compileProtocol.js';
import { computeProfile } from './computeProfile.js';
import { canonicalJson } from './canonicalJson.js';
import { cloneValue, type Configuration } from './runtime.js';
import { resolveSha256 } from './sha256.js';
import type {
  Actor,
  CaseState,
  Deadline,
  EngineDeps,
  EventRecord,
  MigrateResult,
  Rejection,
  Sha256,
  StateValue,
  Timer,
} from './types.js';

const HOUR = 3_600_000;

/**
 * Moves a running case to another protocol version (or variant): each active state is mapped to
 * a state of the new version (`mapping`: old state path -> new state path, covering every active
 * atomic state), the recorded data is kept, the profile is recomputed, and the deadlines and
 * timers of the new states are set by the new version. A state the case is still in (the same
 * path, or the one its active state is mapped to) keeps counting from when the case entered
 * it, as its deadline or timer recorded, so a migration never gives an overdue case more time
 * nor puts off an escalation; a state the migration enters counts from the migration. A deadline
 * or delay of the new version that counts from a recorded field (`from`) counts from it when the
 * case records it, never later than from the entry. Deadlines set by actions are kept. Recorded as a "migrated" event in the same hash chain. No entry
 * action runs: a migration is not a step of the protocol.
 *
 * @example
 *   migrateCase(v1, v2, c, { screening: 'detection.screening' }, supervisor, deps)
 */
export function migrateCase(
  from: CompiledProtocol,
  to: CompiledProtocol,
  c: CaseState,
  mapping: Record<string, string>,
  actor: Actor,
  deps: EngineDeps,
): MigrateResult {
  const at = deps.clock();
  const id = deps.ids();
  const problems = [...checkInstant(at, 'deps.clock()'), ...checkId(id, 'deps.ids()')];
  if (problems.length > 0) return { ok: false, reasons: problems };
  return migrateAt(from, to, c, mapping, actor, { at, id, sha256: resolveSha256(deps.sha256) });
}

export function migrateAt(
  from: CompiledProtocol,
  to: CompiledProtocol,
  c: CaseState,
  mapping: Record<string, string>,
  actor: Actor,
  env: { at: string; id: string; sha256: Sha256 | null },
): MigrateResult {
  const caseProblems = checkCase(from, c);
  if (caseProblems.length > 0) return { ok: false, reasons: caseProblems };
  const reasons: Rejection[] = [...checkActor(actor)];
  if (reasons.length > 0) return { ok: false, reasons };
  if (c.status === 'closed')
    reasons.push({ code: 'case-closed', message: `case ${c.id} is closed: a closed case is not migrated` });
  if (actor.country !== 'REGIONAL' && actor.country !== c.country) {
    reasons.push({
      code: 'country-not-allowed',
      message: `case ${c.id} is run by ${c.country}; an actor from ${actor.country} cannot migrate it`,
      country: actor.country,
      caseCountry: c.country,
    });
  }
  if (to.ref.id === from.ref.id && to.ref.version <= from.ref.version) {
    reasons.push({
      code: 'migration-not-allowed',
      rule: 'not-newer',
      message: `case ${c.id} runs under ${from.ref.id}@${from.ref.version}: a migration moves a case to a newer version or to a national variant, not to ${to.ref.id}@${to.ref.version}`,
    });
  }
  if (!isPlainObject(mapping))
    return {
      ok: false,
      reasons: [
        ...reasons,
        badInput('the mapping must be an object {old state path: new state path}', '/mapping'),
      ],
    };
  const forbidden = findForbiddenKey(mapping);
  if (forbidden !== null)
    return {
      ok: false,
      reasons: [
        ...reasons,
        badInput(`the mapping may not contain the key "${forbidden.key}"`, `/mapping${forbidden.pointer}`),
      ],
    };

  let conf: Configuration;
  try {
    conf = from.runtime.configuration(c.value);
  } catch (err) {
    return { ok: false, reasons: [...reasons, badInput((err as Error).message, '/case/value')] };
  }
  for (const [oldPath, newPath] of Object.entries(mapping)) {
    if (!from.states.has(oldPath))
      reasons.push(
        badInput(
          `mapping key "${oldPath}" is not a state of ${from.ref.id}@${from.ref.version}`,
          `/mapping/${oldPath}`,
        ),
      );
    if (typeof newPath !== 'string' || !to.states.has(newPath)) {
      reasons.push(
        badInput(
          `mapping "${oldPath}" -> ${shown(newPath)}: not a state of ${to.ref.id}@${to.ref.version}`,
          `/mapping/${oldPath}`,
        ),
      );
    }
  }
  const targets: string[] = [];
  for (const leaf of conf.atomic) {
    const target = Object.hasOwn(mapping, leaf.path) ? mapping[leaf.path] : undefined;
    if (target === undefined) {
      reasons.push(
        badInput(
          `the mapping does not say where the active state "${leaf.path}" goes: add "${leaf.path}": "<state of ${to.ref.id}@${to.ref.version}>"`,
          '/mapping',
        ),
      );
    } else if (typeof target === 'string' && to.states.has(target) && !targets.includes(target))
      targets.push(target);
  }
  if (reasons.length > 0) return { ok: false, reasons };

  const built = valueOf(to, targets);
  if ('conflict' in built) return { ok: false, reasons: [badInput(built.conflict, '/mapping')] };
  let next: Configuration;
  try {
    const snapshot = to.machine.resolveState({ value: built.value, context: {} });
    next = to.runtime.configuration(snapshot.value);
  } catch (err) {
    return {
      ok: false,
      reasons: [
        badInput(
          `the mapped states do not form a configuration of ${to.ref.id}@${to.ref.version}: ${(err as Error).message}`,
          '/mapping',
        ),
      ],
    };
  }

  const refused = bypassed(from, to, c, conf, next);
  if (refused.length > 0) return { ok: false, reasons: refused };

  const deadlines: Deadline[] = c.deadlines.filter((d) => !d.name.startsWith('state:'));
  const timers: Timer[] = [];
  if (!next.done) {
    const entered = entryTimes(from, c, conf);
    for (const s of next.active) {
      const since = continuedSince(s.path, entered, conf, mapping) ?? env.at;
      const sinceMs = parseInstant(since);
      // A deadline that counts from a recorded event (the detection) counts from it here too.
      const due = (ms: number, from: CompiledAnchor | undefined) =>
        sinceMs === null ? addMilliseconds(since, ms) : formatInstant(anchoredDue(c.data, from, sinceMs, ms));
      if (s.deadline)
        deadlines.push({
          name: `state:${s.path}`,
          title: s.title,
          dueAt: due(s.deadline.hours * HOUR, s.deadline.from),
          setAt: since,
        });
      for (const t of s.timers) timers.push({ event: t.event, dueAt: due(t.ms, t.from), state: s.path });
    }
  }
  const recordedMapping = JSON.parse(canonicalJson(mapping)) as Record<string, string>;
  const record: Omit<EventRecord, 'hash'> = {
    caseId: c.id,
    seq: c.seq + 1,
    id: env.id,
    kind: 'migrated',
    type: 'case.migrated',
    at: env.at,
    actor: recordedActor(actor),
    from: cloneValue(conf.value),
    to: cloneValue(next.value),
    protocol: { ...to.ref },
    migration: { from: { ...from.ref }, mapping: recordedMapping },
    effects: [],
    prev: c.head,
  };
  const hash = env.sha256 ? env.sha256(canonicalJson(record)) : '';
  const migrated: CaseState = {
    ...c,
    protocol: { ...to.ref },
    value: cloneValue(next.value),
    status: next.done ? 'closed' : 'active',
    profile: computeProfile(to, c.data),
    deadlines: next.done ? [] : deadlines,
    timers,
    seq: c.seq + 1,
    head: hash,
    updatedAt: env.at,
  };
  return { ok: true, case: migrated, event: { ...record, hash } };
}

/**
 * Why the mapped configuration may not be entered by a migration, which runs none of the
 * protocol's steps: it would close the case, or put it in a state an invariant guards (the
 * target of a mustPassBefore, e.g. return) when the case has recorded none of the forms of the
 * states the invariant requires before it (e.g. the best-interest determination). A case
 * already in such a state keeps it.
 */
function bypassed(
  from: CompiledProtocol,
  to: CompiledProtocol,
  c: CaseState,
  before: Configuration,
  next: Configuration,
): Rejection[] {
  if (next.done) {
    const final = next.active.find((s) => s.type === 'final') ?? next.active[0];
    return [
      {
        code: 'migration-not-allowed',
        rule: 'final-state',
        state: final?.path ?? '',
        message: `the mapping would close the case in "${final?.title.en ?? ''}": a case is closed by the steps of its protocol, not by a migration; map its states to states that are not final`,
      },
    ];
  }
  const reasons: Rejection[] = [];
  for (const invariant of to.protocol.invariantsInForce) {
    if (invariant.kind !== 'mustPassBefore') continue;
    const target = invariant.target.tag;
    if (before.active.some((s) => tagsOf(from, s.path).has(target))) continue;
    const entered = next.active.filter((s) => tagsOf(to, s.path).has(target));
    if (entered.length === 0) continue;
    const lacking = invariant.requires
      .map((r) => (Array.isArray(r) ? r.map((x) => x.tag) : [r.tag]))
      .filter((tags) => !recordedAny(from, c, tags) && !recordedAny(to, c, tags));
    if (lacking.length === 0) continue;
    const state = entered[0]!;
    reasons.push({
      code: 'migration-not-allowed',
      rule: 'invariant',
      state: state.path,
      invariant: invariant.id,
      description: invariant.description,
      message: `the mapping puts the case in "${state.title.en}" (${target}), but it has recorded no ${lacking.map((tags) => tags.join(' or ')).join(', nor ')} step: ${invariant.description.en} Map it to a state before, or record those steps first`,
    });
  }
  return reasons;
}

/** The tags of a state and of the states it is in. */
function tagsOf(p: CompiledProtocol, path: string): Set<string> {
  const tags = new Set<string>();
  for (let s = p.states.get(path); s; s = s.parent === null ? undefined : p.states.get(s.parent))
    for (const tag of s.tags) tags.add(tag);
  return tags;
}

/** Whether the case recorded the form of a state of `p` carrying one of `tags`. */
function recordedAny(p: CompiledProtocol, c: CaseState, tags: string[]): boolean {
  for (const s of p.states.values()) {
    if (s.form === undefined || !Object.hasOwn(c.data, s.form)) continue;
    const own = tagsOf(p, s.path);
    if (tags.some((tag) => own.has(tag))) return true;
  }
  return false;
}

/**
 * The (partial) state value that makes each target path active; XState fills in the initial
 * states of everything left out; or why two targets exclude each other.
 */
function valueOf(to: CompiledProtocol, targets: string[]): { value: StateValue } | { conflict: string } {
  interface Node {
    children: Map<string, Node>;
  }
  const root: Node = { children: new Map() };
  for (const target of targets) {
    let node = root;
    let path = '';
    for (const key of target.split('.')) {
      const parentState = path === '' ? undefined : to.states.get(path);
      const exclusive = path === '' || parentState?.type !== 'parallel';
      if (exclusive && node.children.size > 0 && !node.children.has(key)) {
        const other = [...node.children.keys()][0];
        return {
          conflict: `the mapping sends active states to both "${path ? `${path}.` : ''}${other}" and "${path ? `${path}.` : ''}${key}", which cannot be active together`,
        };
      }
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = { children: new Map() }));
      node = child;
      path = path === '' ? key : `${path}.${key}`;
    }
  }
  const toValue = (node: Node): StateValue => {
    const entries = [...node.children];
    if (entries.length === 1 && entries[0]![1].children.size === 0) return entries[0]![0];
    const out: { [key: string]: StateValue } = {};
    for (const [key, child] of entries) out[key] = child.children.size === 0 ? {} : toValue(child);
    return out;
  };
  return { value: toValue(root) };
}

/**
 * When the case entered each of its active states, where the case records it: the start of the
 * state's deadline, else the due time of one of its timers less that timer's delay (for a timer
 * counting from a recorded event, that event's time: no later than the entry).
 */
function entryTimes(from: CompiledProtocol, c: CaseState, conf: Configuration): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of conf.active) {
    const deadline = c.deadlines.find((d) => d.name === `state:${s.path}`);
    if (deadline) {
      out.set(s.path, deadline.setAt);
      continue;
    }
    // A timer that counts from a recorded event (its delay's `from`) gives that event's time,
    // no later than the entry: a timer counting from the entry is preferred; either way the
    // migration gives no one more time.
    let anchored: string | undefined;
    for (const timer of c.timers) {
      const delay = timer.state === s.path ? s.timers.find((t) => t.event === timer.event) : undefined;
      if (!delay) continue;
      const since = addMilliseconds(timer.dueAt, -delay.ms);
      if (delay.from === undefined) {
        out.set(s.path, since);
        anchored = undefined;
        break;
      }
      anchored ??= since;
    }
    if (anchored !== undefined) out.set(s.path, anchored);
  }
  return out;
}

/**
 * Since when the case has been in the new version's state `path`, if it was in it before the
 * migration: the old state of the same path, else the earliest of the old active states mapped
 * onto it; undefined when the migration enters it (or the case recorded no time for it).
 */
function continuedSince(
  path: string,
  entered: Map<string, string>,
  conf: Configuration,
  mapping: Record<string, string>,
): string | undefined {
  const same = conf.active.some((s) => s.path === path) ? entered.get(path) : undefined;
  if (same !== undefined) return same;
  let earliest: string | undefined;
  for (const leaf of conf.atomic) {
    const since = mapping[leaf.path] === path ? entered.get(leaf.path) : undefined;
    if (since !== undefined && (earliest === undefined || Date.parse(since) < Date.parse(earliest)))
      earliest = since;
  }
  return earliest;
}
