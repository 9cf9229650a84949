import { canonicalJson } from './canonicalJson.js';
import { storedRecordText } from './recordText.js';
import type { CompiledProtocol } from './compileProtocol.js';
import { checkData, instantMs, isCountry, isPlainObject, type CheckedData } from './checkInput.js';
import { migrateAt } from './migrateCase.js';
import { openCase } from './openCase.js';
import { stepInternal, type InternalStep } from './runStep.js';
import { sameValue, type Configuration } from './runtime.js';
import { resolveSha256 } from './sha256.js';
import { fireTimerAt } from './timers.js';
import type {
  CaseState,
  ConformanceReport,
  Effect,
  EventConformance,
  EventRecord,
  ProtocolRef,
  Rejection,
  Sha256,
} from './types.js';

type Reason = { code: string; message: string };

export interface ReplayOptions {
  /**
   * What-if: re-run the history's commands against this protocol (another version, another
   * country's variant) instead of the versions it ran under, and report where it would diverge.
   */
  against?: CompiledProtocol;
  sha256?: Sha256;
  /** The case's `head`: the hash the history must end with (so that a history cut short is caught). */
  head?: string;
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
 * guard results), which makes it several times faster than stepping; the outcome is the same.
 *
 * @example
 *   const report = replay(history, (ref) => compiledVersions.get(`${ref.id}@${ref.version}`));
 *   if (!report.ok) console.log(report.events[report.firstDivergence!]!.reasons);
 */
export function replay(
  history: readonly EventRecord[],
  lookup: (ref: ProtocolRef) => CompiledProtocol | undefined,
  options: ReplayOptions = {},
): ConformanceReport {
  const sha256 = resolveSha256(options.sha256);
  const whatIf = options.against;
  const events: EventConformance[] = [];
  const first = Array.isArray(history) ? history[0] : undefined;
  let compiled: CompiledProtocol | undefined;
  let c: CaseState | undefined;
  let prevHash = '';
  /** Why replay cannot go on (unknown protocol, unusable opening); later events are listed unreplayed. */
  let stopped: Reason | undefined;
  /** The configuration of c.value, carried from step to step. */
  let conf: Configuration | undefined;

  for (let i = 0; i < (Array.isArray(history) ? history.length : 0); i++) {
    const e = history[i]!;
    const row: EventConformance = {
      seq: typeof e?.seq === 'number' ? e.seq : i,
      type: typeof e?.type === 'string' ? e.type : '',
      accepted: false,
      sameState: false,
      hashIntact: false,
      reasons: [],
      expected: e?.to ?? null,
      actual: null,
    };
    const reasons: Reason[] = [];
    events.push(row);
    if (!isPlainObject(e)) {
      row.reasons = [{ code: 'bad-record', message: `event ${i} is not an event record` }];
      continue;
    }
    // The recorded data is checked once: its canonical text serves the hash, its copy the step.
    let checked: CheckedData | undefined;
    if (e.kind === 'step' && e.data !== undefined) checked = checkData(e.data, { copy: false });
    row.hashIntact = chained(e, i, prevHash, first?.caseId, sha256, checked, reasons);
    prevHash = typeof e.hash === 'string' ? e.hash : '';
    if (stopped) {
      reasons.push({ code: 'not-replayed', message: `not replayed: ${stopped.message}` });
      row.reasons = reasons;
      continue;
    }

    if (e.kind === 'opened' || i === 0) {
      if (i !== 0 || e.kind !== 'opened') {
        reasons.push({ code: 'bad-record', message: i === 0 ? `a history starts with "opened", not "${String(e.kind)}"` : `event ${i} opens the case again` });
        row.reasons = reasons;
        if (i === 0) stopped = reasons[reasons.length - 1];
        continue;
      }
      compiled = whatIf ?? lookup(e.protocol);
      if (!compiled) {
        stopped = unknownProtocol(e.protocol);
        reasons.push(stopped);
        row.reasons = reasons;
        continue;
      }
      const country = e.country ?? (isCountry(e.actor?.country) ? e.actor.country : undefined);
      if (!country) {
        stopped = { code: 'bad-record', message: 'the "opened" event records no country and its actor is REGIONAL: the case country cannot be known' };
        reasons.push(stopped);
        row.reasons = reasons;
        continue;
      }
      try {
        const opened = openCase(compiled, { id: e.caseId, country, actor: e.actor }, { clock: () => e.at, ids: () => e.id, sha256 }, { memo: true });
        conf = undefined;
        c = { ...opened.case, head: e.hash };
        row.accepted = true;
        row.actual = opened.case.value;
        compareOutcome(row, e, opened.case.value, opened.event.effects, reasons);
      } catch (err) {
        const rejections = (err as { reasons?: Rejection[] }).reasons;
        reasons.push(...(rejections ?? [{ code: 'bad-record', message: (err as Error).message }]));
        stopped = { code: 'bad-record', message: `the case could not be opened again: ${reasons.map((r) => r.message).join('; ')}` };
        row.reasons = reasons;
        continue;
      }
      row.reasons = reasons;
      continue;
    }
    if (!c || !compiled) continue;

    if (e.kind === 'migrated') {
      if (whatIf) {
        row.accepted = true;
        row.actual = c.value;
        reasons.push({ code: 'migration-skipped', message: `what-if: the migration to ${refText(e.protocol)} is not applied; ${refText(whatIf.ref)} applies throughout` });
        if (!sameValue(c.value, e.to)) reasons.push(differentState(e.to, c.value));
        row.sameState = sameValue(c.value, e.to);
        row.reasons = reasons;
        continue;
      }
      const target = lookup(e.protocol);
      if (!target) {
        stopped = unknownProtocol(e.protocol);
        reasons.push(stopped);
        row.reasons = reasons;
        continue;
      }
      const r = migrateAt(compiled, target, c, e.migration?.mapping ?? {}, e.actor, { at: e.at, id: e.id, sha256: null });
      conf = undefined;
      if (r.ok) {
        c = { ...r.case, head: e.hash };
        compiled = target;
        row.accepted = true;
        row.actual = r.case.value;
        compareOutcome(row, e, r.case.value, [], reasons);
      } else {
        reasons.push(...r.reasons);
        row.actual = c.value;
      }
      row.reasons = reasons;
      continue;
    }

    const atMs = instantMs(e.at);
    let r: InternalStep;
    if (atMs === null) {
      r = { ok: false, reasons: [{ code: 'bad-input', message: `the record's time ${JSON.stringify(e.at)} is not an ISO 8601 instant` }] };
    } else if (e.kind === 'timer') {
      const timer = c.timers.find((t) => t.event === e.type);
      r = timer
        ? fireTimerAt(compiled, c, timer, { at: e.at, atMs, id: e.id, kind: 'timer', memo: true, sha256: null, record: false, ...(conf ? { conf } : {}) })
        : {
            ok: false,
            reasons: [{ code: 'event-not-available', message: `timer "${e.type}" is not pending at this point of the history`, event: e.type, available: c.timers.map((t) => t.event) }],
          };
    } else if (e.kind === 'step') {
      const command = e.data === undefined ? { event: e.type, actor: e.actor } : { event: e.type, data: e.data, actor: e.actor };
      r = stepInternal(compiled, c, command, { at: e.at, atMs, id: e.id, kind: 'step', memo: true, sha256: null, record: false, ...(checked ? { checked } : {}), ...(conf ? { conf } : {}) });
    } else {
      r = { ok: false, reasons: [{ code: 'bad-input', message: `event ${i} has an unknown kind ${JSON.stringify(e.kind)}` }] };
    }
    if (r.ok) {
      c = { ...r.case, head: e.hash };
      conf = r.next;
      row.accepted = true;
      row.actual = r.case.value;
      compareOutcome(row, e, r.case.value, r.effects, reasons);
    } else {
      reasons.push(...r.reasons);
      row.actual = c.value;
    }
    row.reasons = reasons;
  }

  if (options.head !== undefined && events.length > 0 && prevHash !== options.head) {
    events.push({
      seq: events.length,
      type: '',
      accepted: false,
      sameState: false,
      hashIntact: false,
      reasons: [{ code: 'chain-broken', message: `the history ends with hash ${prevHash}, but the case's last event has hash ${options.head}: events are missing at the end` }],
      expected: null,
      actual: c?.value ?? null,
    });
  }
  // An event diverges when anything about it differs: rejected, another state, other effects,
  // a broken chain, or not replayed at all.
  const divergent = events.find((r) => !r.accepted || !r.sameState || !r.hashIntact || r.reasons.length > 0);
  return {
    ok: events.length > 0 && divergent === undefined,
    protocol: whatIf ? { ...whatIf.ref } : first?.protocol ? { ...first.protocol } : { id: '', version: 0, jurisdiction: 'REGIONAL' },
    events,
    firstDivergence: divergent ? events.indexOf(divergent) : events.length === 0 ? 0 : null,
  };
}

/** Whether the record is intact (its content still has its hash) and chained to the one before. */
function chained(
  e: EventRecord,
  i: number,
  prevHash: string,
  caseId: string | undefined,
  sha256: Sha256,
  checked: CheckedData | undefined,
  reasons: Reason[],
): boolean {
  let ok = true;
  if (e.seq !== i) {
    reasons.push({ code: 'chain-broken', message: `event at position ${i} has seq ${String(e.seq)}: an event is missing, repeated or out of order` });
    ok = false;
  }
  if (e.caseId !== caseId) {
    reasons.push({ code: 'chain-broken', message: `event ${i} belongs to case "${String(e.caseId)}", not "${String(caseId)}"` });
    ok = false;
  }
  if (e.prev !== prevHash) {
    reasons.push({ code: 'chain-broken', message: `event ${i} does not follow the event before it (prev ${String(e.prev)}, expected ${prevHash || '""'})` });
    ok = false;
  }
  let actual: string;
  try {
    const dataText = checked?.ok && checked.present ? checked.canonical : undefined;
    const text = storedRecordText(e as unknown as Record<string, unknown>, dataText, canonicalJson);
    if (text !== null) actual = sha256(text);
    else {
      const { hash: _hash, ...rest } = e;
      actual = sha256(canonicalJson(rest));
    }
  } catch (err) {
    reasons.push({ code: 'hash-mismatch', message: `event ${i} is not valid JSON: ${(err as Error).message}` });
    return false;
  }
  if (actual !== e.hash) {
    reasons.push({ code: 'hash-mismatch', message: `event ${i} was altered after it was recorded: its content hashes to ${actual}, not ${String(e.hash)}` });
    ok = false;
  }
  return ok;
}

function compareOutcome(row: EventConformance, e: EventRecord, actual: CaseState['value'], effects: Effect[], reasons: Reason[]): void {
  row.sameState = sameValue(actual, e.to);
  if (!row.sameState) reasons.push(differentState(e.to, actual));
  const none = effects.length === 0 && Array.isArray(e.effects) && e.effects.length === 0;
  if (!none && canonicalJson(effects) !== canonicalJson(e.effects ?? [])) {
    reasons.push({ code: 'different-effects', message: `the step would have effects ${canonicalJson(effects)}; the record says ${canonicalJson(e.effects)}` });
  }
}

function differentState(expected: unknown, actual: unknown): Reason {
  return { code: 'different-state', message: `the step leads to ${JSON.stringify(actual)}; the record says ${JSON.stringify(expected)}` };
}

function unknownProtocol(ref: ProtocolRef | undefined): Reason {
  return { code: 'protocol-unknown', message: `protocol ${refText(ref)} is not available to replay against: load that version` };
}

function refText(ref: ProtocolRef | undefined): string {
  return ref ? `${ref.id}@${ref.version} (${ref.jurisdiction})` : 'unknown';
}
