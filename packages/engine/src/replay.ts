import { shown } from './shown.js';
import { checkData, instantMs, isCountry, isPlainObject, type CheckedData } from './checkInput.js';
import { compareDocument } from './compareDocument.js';
import type { CompiledProtocol } from './compileProtocol.js';
import { migrateAt } from './migrateCase.js';
import { openCase } from './openCase.js';
import { recordHash } from './hashEvent.js';
import { effectsText, type KnownTexts } from './recordText.js';
import { stepInternal, type InternalStep, type StepEnv } from './runStep.js';
import { sameJson, sameValue, type Configuration } from './runtime.js';
import { resolveSha256 } from './sha256.js';
import { fireTimerAt } from './timers.js';
import type {
  CaseState,
  ConformanceReport,
  DocumentDifference,
  Effect,
  EventConformance,
  EventRecord,
  ProtocolRef,
  Rejection,
  Sha256,
} from './types.js';

/** A reason of a replayed event: its code, the engine's English text, and what a client needs to word it. */
type Reason = { code: string; message: string } & Record<string, unknown>;

export interface ReplayOptions {
  /**
   * What-if: re-run the history's commands against this protocol (another version, another
   * country's variant) instead of the versions it ran under, and report where it would diverge.
   */
  against?: CompiledProtocol;
  sha256?: Sha256;
  /** The case's `head`: the hash the history must end with (so that a history cut short is caught). */
  head?: string;
  /**
   * The case as its document stores it. The document may be behind its history: it is compared
   * with the state replayed up to its seq (its head with that event's hash; under `against`,
   * only that). A seq past the last stored event means events are missing at the end. Any
   * object: a document changed in the database may not be a CaseState any more.
   */
  document?: CaseState | Readonly<Record<string, unknown>>;
}

/** Where replay stands between two events. */
interface ReplayState {
  compiled: CompiledProtocol | undefined;
  c: CaseState | undefined;
  /** The configuration of c.value. */
  conf: Configuration | undefined;
  /** Why replay cannot go on (unknown protocol, unusable opening): later events are listed, not replayed. */
  stopped: Reason | undefined;
  whatIf: CompiledProtocol | undefined;
  lookup: (ref: ProtocolRef) => CompiledProtocol | undefined;
  sha256: Sha256;
}

/**
 * Re-runs a case's history from "opened" and reports, per event: was it accepted, did it lead to
 * the state recorded, is its hash intact and chained to the one before. "migrated" events switch
 * to the version migrated to (found with `lookup`). With `against`, every command is re-run
 * under that protocol instead, and each divergence is explained (event not available there,
 * guard false, form invalid with the field, different resulting state); recorded migrations
 * are then skipped, since the what-if protocol applies throughout.
 *
 * Replay reuses XState's results for situations it has seen (same configuration, event and
 * results of the guards XState consulted), so it need not run XState for every event; the
 * outcome is the one XState gave. Every form is validated and every hash recomputed.
 *
 * @example
 *   const report = replay(history, (ref) => compiledVersions.get(`${ref.id}@${ref.version}`), { head: c.head });
 *   if (!report.ok) console.log(report.events[report.firstDivergence!]!.reasons);
 */
export function replay(
  history: readonly EventRecord[],
  lookup: (ref: ProtocolRef) => CompiledProtocol | undefined,
  options: ReplayOptions = {},
): ConformanceReport {
  return run(history, lookup, options).report;
}

/**
 * The case as its history replays to right after event `seq`, the events after it left out;
 * null when the history does not reach that event intact (a broken chain, an event that does
 * not conform, an unknown protocol): what was built from the case at that event can then be
 * rebuilt from its sealed history and compared.
 *
 * @example
 *   const then = stateAt(history, lookup, handover.caseSeq);
 *   if (then && then.head !== handover.caseHead) console.log('not the event it names');
 */
export function stateAt(
  history: readonly EventRecord[],
  lookup: (ref: ProtocolRef) => CompiledProtocol | undefined,
  seq: number,
  options: Pick<ReplayOptions, 'sha256'> = {},
): CaseState | null {
  const list = Array.isArray(history) ? history : [];
  const end = list.findIndex((e) => (e as EventRecord | null)?.seq === seq);
  if (end < 0) return null;
  const { report, state } = run(list.slice(0, end + 1), lookup, options);
  return report.ok && state ? state : null;
}

function run(
  history: readonly EventRecord[],
  lookup: (ref: ProtocolRef) => CompiledProtocol | undefined,
  options: ReplayOptions,
): { report: ConformanceReport; state: CaseState | undefined } {
  const st: ReplayState = {
    compiled: undefined,
    c: undefined,
    conf: undefined,
    stopped: undefined,
    whatIf: options.against,
    lookup,
    sha256: resolveSha256(options.sha256),
  };
  const list = Array.isArray(history) ? history : [];
  const events: EventConformance[] = [];
  const first = list[0];
  let prevHash = '';
  let prevSeq = -1;
  const doc = options.document;
  let documentDiffers: DocumentDifference[] | undefined;

  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    const row: EventConformance = {
      seq: typeof e?.seq === 'number' ? e.seq : i,
      type: typeof e?.type === 'string' ? e.type : '',
      accepted: false,
      sameState: false,
      hashIntact: false,
      reasons: [],
      notes: [],
      expected: e?.to ?? null,
      actual: null,
    };
    const ranUnder = recordedRef(e?.protocol);
    if (ranUnder) row.protocol = ranUnder;
    events.push(row);
    if (!isPlainObject(e as unknown)) {
      row.reasons = [{ code: 'bad-record', message: `event ${i} is not an event record` }];
      continue;
    }
    const reasons: Reason[] = [];
    // The recorded data is checked once: its canonical text serves the hash, the data the step.
    const checked =
      e.kind === 'step' && e.data !== undefined ? checkData(e.data, { copy: false }) : undefined;
    const known: KnownTexts = {};
    if (st.stopped) reasons.push({ code: 'not-replayed', message: `not replayed: ${st.stopped.message}` });
    else replayEvent(st, e, i, row, reasons, checked, known);
    // The hash is checked last: re-running the event told which parts have the canonical text
    // replay already knows (the states before and after, the protocol, the effects).
    // A link problem (an event missing before this one...) comes first: it explains the rest.
    const links: Reason[] = [];
    linked(e, i, prevSeq + 1, prevHash, first?.caseId, links);
    if (links.length > 0) reasons.unshift(...links);
    row.hashIntact = intact(e, i, st.sha256, checked, known, reasons);
    prevHash = typeof e.hash === 'string' ? e.hash : '';
    prevSeq = Number.isInteger(e.seq) ? e.seq : prevSeq + 1;
    if (reasons.length > 0) {
      row.notes = notes(reasons);
      row.reasons = reasons.filter((r) => !INFORMATIONAL.has(r.code));
    }
    if (doc && documentDiffers === undefined && e.seq === doc.seq) {
      // The document was written from the state after this event: compare the replayed one,
      // unless replay already diverged (its state then tells nothing).
      const clean = !st.whatIf && st.c && events.every(isConforming);
      documentDiffers = clean
        ? compareDocument(st.c!, doc)
        : doc.head === e.hash
          ? []
          : [{ part: 'head', stored: doc.head, replayed: prevHash }];
    }
  }

  const lastSeq = prevSeq;
  const docAhead =
    typeof doc?.seq === 'number' && Number.isInteger(doc.seq) && doc.seq > lastSeq ? doc.seq : undefined;
  if (
    events.length > 0 &&
    (docAhead !== undefined || (options.head !== undefined && prevHash !== options.head))
  ) {
    const from = lastSeq + 1;
    const missing: Reason = {
      code: 'events-missing-at-end',
      message:
        docAhead === undefined
          ? `the history ends with hash ${prevHash}, but the case's last event has hash ${shown(options.head)}: events are missing at the end`
          : `the history ends with event ${lastSeq}, but the case document is at event ${docAhead}: events ${from} to ${docAhead} are missing at the end`,
      from,
      to: docAhead ?? null,
    };
    events.push({
      seq: from,
      type: '',
      accepted: false,
      sameState: false,
      hashIntact: false,
      reasons: [missing],
      notes: [],
      expected: null,
      actual: st.c?.value ?? null,
    });
  } else if (doc && documentDiffers === undefined && events.length > 0) {
    documentDiffers = [{ part: 'seq', stored: doc.seq, replayed: lastSeq }];
  }
  // An event diverges when anything about it differs: rejected, another state, other effects,
  // a broken chain, or not replayed at all.
  const divergent = events.find((r) => !isConforming(r));
  const report: ConformanceReport = {
    ok: events.length > 0 && divergent === undefined && !documentDiffers?.length,
    ...(documentDiffers === undefined ? {} : { document: documentDiffers }),
    protocol: st.whatIf
      ? { ...st.whatIf.ref }
      : first?.protocol
        ? { ...first.protocol }
        : { id: '', version: 0, jurisdiction: 'REGIONAL' },
    events,
    firstDivergence: divergent ? events.indexOf(divergent) : events.length === 0 ? 0 : null,
  };
  return { report, state: st.c };
}

/** Re-runs one recorded event on the replayed case; notes what it learns in `row`, `reasons` and `known`. */
function replayEvent(
  st: ReplayState,
  e: EventRecord,
  i: number,
  row: EventConformance,
  reasons: Reason[],
  checked: CheckedData | undefined,
  known: KnownTexts,
): void {
  if (e.kind === 'opened' || i === 0) {
    replayOpened(st, e, i, row, reasons, known);
    return;
  }
  const { c, compiled } = st;
  if (!c || !compiled) return;
  if (e.kind === 'migrated') {
    replayMigrated(st, e, c, compiled, row, reasons);
    return;
  }
  const before = st.conf ?? compiled.runtime.configuration(c.value);
  if (sameValue(before.value, e.from)) known.fromText = before.key;
  if (isRef(e.protocol, compiled)) known.protocolText = compiled.refText;
  const atMs = instantMs(e.at);
  let r: InternalStep;
  if (atMs === null) {
    r = {
      ok: false,
      reasons: [
        { code: 'bad-input', message: `the record's time ${shown(e.at)} is not an ISO 8601 instant` },
      ],
    };
  } else if (e.kind === 'timer') {
    const timer = c.timers.find((t) => t.event === e.type);
    r = timer
      ? fireTimerAt(compiled, c, timer, {
          at: e.at,
          atMs,
          id: e.id,
          kind: 'timer',
          memo: true,
          sha256: null,
          record: false,
          conf: before,
          ownCase: true,
        })
      : {
          ok: false,
          reasons: [
            {
              code: 'event-not-available',
              message: `timer "${shown(e.type)}" is not pending at this point of the history`,
              event: e.type,
              available: c.timers.map((t) => t.event),
            },
          ],
        };
  } else if (e.kind === 'step') {
    const command =
      e.data === undefined
        ? { event: e.type, actor: e.actor }
        : { event: e.type, data: e.data, actor: e.actor };
    const env: StepEnv = {
      at: e.at,
      atMs,
      id: e.id,
      kind: 'step',
      memo: true,
      sha256: null,
      record: false,
      conf: before,
      ownCase: true,
    };
    if (checked) env.checked = checked;
    r = stepInternal(compiled, c, command, env);
  } else {
    r = {
      ok: false,
      reasons: [{ code: 'bad-input', message: `event ${i} has an unknown kind ${shown(e.kind)}` }],
    };
  }
  if (r.ok) {
    // r.case is this replay's own new object: its head becomes the recorded hash (checked apart).
    st.c = r.case;
    st.c.head = recordedHead(e);
    st.conf = r.next;
    row.accepted = true;
    row.actual = r.case.value;
    compareOutcome(row, e, r.case.value, r.effects, reasons, known);
    if (row.sameState) known.toText = r.next.key;
  } else {
    reasons.push(...r.reasons);
    row.actual = c.value;
  }
}

function replayOpened(
  st: ReplayState,
  e: EventRecord,
  i: number,
  row: EventConformance,
  reasons: Reason[],
  known: KnownTexts,
): void {
  if (i !== 0 || e.kind !== 'opened') {
    const reason = {
      code: 'bad-record',
      message:
        i === 0
          ? `a history starts with "opened", not "${shown(e.kind)}"`
          : `event ${i} opens the case again`,
    };
    reasons.push(reason);
    if (i === 0) st.stopped = reason;
    return;
  }
  const compiled = st.whatIf ?? st.lookup(e.protocol);
  st.compiled = compiled;
  if (!compiled) {
    st.stopped = unknownProtocol(e.protocol);
    reasons.push(st.stopped);
    return;
  }
  const country = e.country ?? (isCountry(e.actor?.country) ? e.actor.country : undefined);
  if (!country) {
    st.stopped = {
      code: 'bad-record',
      message:
        'the "opened" event records no country and its actor is REGIONAL: the case country cannot be known',
    };
    reasons.push(st.stopped);
    return;
  }
  try {
    const at = e.at;
    const id = e.id;
    const opened = openCase(
      compiled,
      { id: e.caseId, country, actor: e.actor },
      { clock: () => at, ids: () => id, sha256: st.sha256 },
      { memo: true, seal: false },
    );
    st.c = { ...opened.case, head: recordedHead(e) };
    st.conf = compiled.runtime.configuration(opened.case.value);
    row.accepted = true;
    row.actual = opened.case.value;
    compareOutcome(row, e, opened.case.value, opened.event.effects, reasons, known);
  } catch (err) {
    const rejections = (err as { reasons?: Rejection[] }).reasons;
    reasons.push(...(rejections ?? [{ code: 'bad-record', message: (err as Error).message }]));
    st.stopped = {
      code: 'bad-record',
      message: `the case could not be opened again: ${reasons.map((r) => r.message).join('; ')}`,
    };
  }
}

function replayMigrated(
  st: ReplayState,
  e: EventRecord,
  c: CaseState,
  compiled: CompiledProtocol,
  row: EventConformance,
  reasons: Reason[],
): void {
  if (st.whatIf) {
    row.accepted = true;
    row.actual = c.value;
    // A note, not a divergence: the what-if protocol applying throughout is what was asked.
    reasons.push({
      code: 'migration-skipped',
      message: `what-if: the migration to ${refText(e.protocol)} is not applied; ${refText(st.whatIf.ref)} applies throughout`,
    });
    row.sameState = sameValue(c.value, e.to);
    if (!row.sameState) reasons.push(differentState(e.to, c.value));
    return;
  }
  const target = st.lookup(e.protocol);
  if (!target) {
    st.stopped = unknownProtocol(e.protocol);
    reasons.push(st.stopped);
    return;
  }
  const r = migrateAt(compiled, target, c, e.migration?.mapping ?? {}, e.actor, {
    at: e.at,
    id: e.id,
    sha256: null,
  });
  st.conf = undefined;
  if (r.ok) {
    st.c = { ...r.case, head: recordedHead(e) };
    st.compiled = target;
    row.accepted = true;
    row.actual = r.case.value;
    compareOutcome(row, e, r.case.value, [], reasons, {});
  } else {
    reasons.push(...r.reasons);
    row.actual = c.value;
  }
}

/** Reason codes that inform an auditor without being a divergence: listed as the row's notes. */
const INFORMATIONAL = new Set(['migration-skipped']);

function notes(reasons: Reason[]): Reason[] {
  return reasons.filter((r) => INFORMATIONAL.has(r.code));
}

function isConforming(r: EventConformance): boolean {
  return r.accepted && r.sameState && r.hashIntact && r.reasons.length === 0;
}

/**
 * Whether the record follows the one before it: the next seq, the same case, `prev` its hash.
 * A seq that skips says which events are missing (once: the `prev` of the event after a gap
 * cannot match, and says nothing more).
 */
function linked(
  e: EventRecord,
  i: number,
  expectedSeq: number,
  prevHash: string,
  caseId: string | undefined,
  reasons: Reason[],
): void {
  if (e.seq !== expectedSeq) {
    if (Number.isInteger(e.seq) && e.seq > expectedSeq) {
      const to = e.seq - 1;
      reasons.push({
        code: 'events-missing',
        message:
          to === expectedSeq
            ? `event ${expectedSeq} is missing before this one (seq ${e.seq})`
            : `events ${expectedSeq} to ${to} are missing before this one (seq ${e.seq})`,
        from: expectedSeq,
        to,
      });
    } else {
      reasons.push({
        code: 'seq-out-of-order',
        message: `event at position ${i} has seq ${shown(e.seq)}, where ${expectedSeq} follows: an event is repeated or out of order`,
        expected: expectedSeq,
      });
    }
  } else if (e.prev !== prevHash) {
    reasons.push({
      code: 'chain-broken',
      message: `event ${i} does not follow the event before it (prev ${shown(e.prev)}, expected ${prevHash || '""'})`,
    });
  }
  if (e.caseId !== caseId) {
    reasons.push({
      code: 'other-case',
      message: `event ${i} belongs to case "${shown(e.caseId)}", not "${shown(caseId)}"`,
    });
  }
}

/** Whether the record's content still has its hash. */
function intact(
  e: EventRecord,
  i: number,
  sha256: Sha256,
  checked: CheckedData | undefined,
  known: KnownTexts,
  reasons: Reason[],
): boolean {
  let actual: string;
  try {
    if (checked?.ok && checked.present) known.dataText = checked.canonical;
    actual = recordHash(e as unknown as Record<string, unknown>, sha256, known);
  } catch (err) {
    reasons.push({
      code: 'hash-mismatch',
      message: `event ${i} is not valid JSON: ${(err as Error).message}`,
    });
    return false;
  }
  if (actual !== e.hash) {
    reasons.push({
      code: 'hash-mismatch',
      message: `event ${i} was altered after it was recorded: its content hashes to ${actual}, not ${shown(e.hash)}`,
    });
    return false;
  }
  return true;
}

function compareOutcome(
  row: EventConformance,
  e: EventRecord,
  actual: CaseState['value'],
  effects: Effect[],
  reasons: Reason[],
  known: KnownTexts,
): void {
  row.sameState = sameValue(actual, e.to);
  if (!row.sameState) reasons.push(differentState(e.to, actual));
  if (sameJson(effects, e.effects)) {
    // An empty list is written "[]" without it.
    if (effects.length > 0) known.effectsText = effectsText(effects);
  } else {
    reasons.push({
      code: 'different-effects',
      message: `the step would have effects ${shown(effects)}; the record says ${shown(e.effects ?? [])}`,
    });
  }
}

/**
 * The protocol version an event says it ran under, when the record holds a well-formed reference
 * (a tampered one is reported by the hash, not repeated here): what a reader names the row's
 * stages and steps with.
 */
function recordedRef(ref: unknown): { id: string; version: number } | undefined {
  if (!isPlainObject(ref) || typeof ref.id !== 'string' || !Number.isInteger(ref.version)) return undefined;
  return { id: ref.id, version: ref.version as number };
}

/** Whether a recorded protocol reference is exactly `compiled`'s. */
function isRef(ref: unknown, compiled: CompiledProtocol): boolean {
  if (!isPlainObject(ref) || Object.keys(ref).length !== 3) return false;
  return (
    ref.id === compiled.ref.id &&
    ref.version === compiled.ref.version &&
    ref.jurisdiction === compiled.ref.jurisdiction
  );
}

function differentState(expected: unknown, actual: unknown): Reason {
  return {
    code: 'different-state',
    message: `the step leads to ${shown(actual)}; the record says ${shown(expected)}`,
  };
}

function unknownProtocol(ref: ProtocolRef | undefined): Reason {
  return {
    code: 'protocol-unknown',
    message: `protocol ${refText(ref)} is not available to replay against: load that version`,
  };
}

function refText(ref: ProtocolRef | undefined): string {
  return ref ? `${shown(ref.id)}@${shown(ref.version)} (${shown(ref.jurisdiction)})` : 'unknown';
}

/**
 * The hash a record carries, as the replayed case's head ("" when the record has none: the
 * replayed case stays well formed, and the hash check reports the record).
 */
function recordedHead(e: EventRecord): string {
  return typeof e.hash === 'string' ? e.hash : '';
}
