import { recordHash } from './hashEvent.js';
import { shown } from './shown.js';
import { resolveSha256 } from './sha256.js';
import type { ChainProblem, ChainReport, DocumentDifference, EventRecord, Sha256 } from './types.js';

/**
 * Checks a case's history as stored: it starts with "opened" at seq 0, every event follows the
 * one before it (seq + 1, `prev` = its hash), belongs to the same case, and still has the hash
 * of its content. Any change, removal, insertion or reordering of an event breaks it there.
 * Given the case document's last event (`document`: its seq and head), it also tells events
 * missing at the end, and a document whose head is not that event's hash.
 *
 * @example verifyChain(history) // { ok: false, events: 12, brokenAt: 7, reason: "event 7: ...", problem: { code: 'altered', seq: 7 } }
 */
export function verifyChain(
  history: readonly EventRecord[],
  options: {
    sha256?: Sha256;
    /**
     * The hash the history must end with: the case's `head`. Without it a history cut short at
     * the end still looks whole (every remaining link holds).
     */
    head?: string;
    /**
     * The seq and head the case document stores. The document may be behind its history (it
     * follows the events it was written from): its head must then be the hash of the event at
     * its seq. A seq past the last stored event means events are missing at the end.
     */
    document?: { seq?: unknown; head?: unknown };
  } = {},
): ChainReport {
  const sha256 = resolveSha256(options.sha256);
  const broken = (at: number, problem: ChainProblem, reason: string): ChainReport => ({
    ok: false,
    events: Array.isArray(history) ? history.length : 0,
    brokenAt: at,
    reason,
    problem,
  });
  if (!Array.isArray(history))
    return broken(0, { code: 'not-a-list' }, 'the history is not a list of event records');
  if (history.length === 0)
    return broken(0, { code: 'empty' }, 'the history is empty: it must start with the "opened" event');
  const caseId = history[0]?.caseId;
  for (let i = 0; i < history.length; i++) {
    const e = history[i];
    if (typeof e !== 'object' || e === null)
      return broken(i, { code: 'bad-record', seq: i }, `event ${i} is not an event record`);
    if (e.seq !== i) {
      if (typeof e.seq !== 'number' || !Number.isInteger(e.seq))
        return broken(i, { code: 'bad-record', seq: i }, `event ${i} has no seq`);
      const rule = 'events must be numbered 0, 1, 2, ... with none missing, repeated or reordered';
      if (e.seq > i)
        return broken(
          i,
          { code: 'events-missing', seq: i, from: i, to: e.seq - 1 },
          `event ${i} skips to seq ${e.seq}: ${missingText(i, e.seq - 1)}; ${rule}`,
        );
      return broken(
        i,
        { code: 'seq-out-of-order', seq: i, found: e.seq },
        `event ${i} repeats or goes back to seq ${e.seq}: ${rule}`,
      );
    }
    if (e.caseId !== caseId)
      return broken(
        i,
        { code: 'other-case', seq: i },
        `event ${i} belongs to case "${shown(e.caseId)}", not "${shown(caseId)}"`,
      );
    if (i === 0 && e.kind !== 'opened')
      return broken(
        0,
        { code: 'not-opened-first', seq: 0, kind: shown(e.kind) },
        `event 0 is "${shown(e.kind)}": a history starts with "opened"`,
      );
    if (i > 0 && e.kind === 'opened')
      return broken(i, { code: 'opened-again', seq: i }, `event ${i} opens the case again`);
    const expectedPrev = i === 0 ? '' : history[i - 1]!.hash;
    if (e.prev !== expectedPrev) {
      return broken(
        i,
        { code: 'prev-mismatch', seq: i },
        `event ${i} does not follow event ${i - 1}: its prev is "${shown(e.prev)}", the hash before it is "${expectedPrev}"`,
      );
    }
    let actual: string;
    try {
      actual = recordHash(e as unknown as Record<string, unknown>, sha256);
    } catch (err) {
      return broken(
        i,
        { code: 'bad-record', seq: i },
        `event ${i} is not valid JSON: ${(err as Error).message}`,
      );
    }
    if (actual !== e.hash)
      return broken(
        i,
        { code: 'altered', seq: i },
        `event ${i} was altered: its content hashes to ${actual}, the record says ${shown(e.hash)}`,
      );
  }
  const last = history[history.length - 1]!;
  if (options.document !== undefined) {
    const { seq, head } = options.document;
    if (typeof seq === 'number' && Number.isInteger(seq) && seq > last.seq) {
      return broken(
        history.length,
        { code: 'events-missing-at-end', from: history.length, to: seq },
        `the history ends with event ${last.seq}, but the case document is at event ${seq}: ${missingText(history.length, seq)} at the end`,
      );
    }
    const at = typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 ? history[seq] : undefined;
    const differences: DocumentDifference[] = [];
    if (!at) differences.push({ part: 'seq', stored: seq, replayed: last.seq });
    else if (at.hash !== head) differences.push({ part: 'head', stored: head, replayed: at.hash });
    if (differences.length > 0)
      return documentDiffers({ ok: true, events: history.length, brokenAt: null, reason: '' }, differences);
  }
  if (options.head !== undefined && last.hash !== options.head) {
    return broken(
      history.length,
      { code: 'events-missing-at-end', from: history.length, to: null },
      `the history ends with event ${history.length - 1} (hash ${last.hash}), but the case's last event has hash ${options.head}: events are missing at the end`,
    );
  }
  return { ok: true, events: history.length, brokenAt: null, reason: '' };
}

/**
 * The chain report of a history whose stored case document differs from it (the differences
 * replay found, or verifyChain's own): not ok, though every event may be intact.
 */
export function documentDiffers(report: ChainReport, differences: DocumentDifference[]): ChainReport {
  if (differences.length === 0) return report;
  return {
    ok: false,
    events: report.events,
    brokenAt: report.brokenAt,
    reason: `the case document differs from its history (${differences.map((d) => d.part).join(', ')}): it was changed outside the history`,
    problem: { code: 'document-differs', differences },
  };
}

function missingText(from: number, to: number): string {
  return from === to ? `event ${from} is missing` : `events ${from} to ${to} are missing`;
}
