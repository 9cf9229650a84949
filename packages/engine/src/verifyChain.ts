import { recordHash } from './hashEvent.js';
import { shown } from './shown.js';
import { resolveSha256 } from './sha256.js';
import type { ChainReport, EventRecord, Sha256 } from './types.js';

/**
 * Checks a case's history as stored: it starts with "opened" at seq 0, every event follows the
 * one before it (seq + 1, `prev` = its hash), belongs to the same case, and still has the hash
 * of its content. Any change, removal, insertion or reordering of an event breaks it there.
 *
 * @example verifyChain(history) // { ok: false, events: 12, brokenAt: 7, reason: "event 7: ..." }
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
  } = {},
): ChainReport {
  const sha256 = resolveSha256(options.sha256);
  const broken = (at: number, reason: string): ChainReport => ({
    ok: false,
    events: history.length,
    brokenAt: at,
    reason,
  });
  if (!Array.isArray(history)) return broken(0, 'the history is not a list of event records');
  if (history.length === 0) return broken(0, 'the history is empty: it must start with the "opened" event');
  const caseId = history[0]?.caseId;
  for (let i = 0; i < history.length; i++) {
    const e = history[i];
    if (typeof e !== 'object' || e === null) return broken(i, `event ${i} is not an event record`);
    if (e.seq !== i) {
      const why =
        typeof e.seq !== 'number'
          ? 'has no seq'
          : e.seq < i
            ? `repeats or goes back to seq ${shown(e.seq)}`
            : `skips to seq ${shown(e.seq)}`;
      return broken(
        i,
        `event ${i} ${why}: events must be numbered 0, 1, 2, ... with none missing, repeated or reordered`,
      );
    }
    if (e.caseId !== caseId)
      return broken(i, `event ${i} belongs to case "${shown(e.caseId)}", not "${shown(caseId)}"`);
    if (i === 0 && e.kind !== 'opened')
      return broken(0, `event 0 is "${shown(e.kind)}": a history starts with "opened"`);
    if (i > 0 && e.kind === 'opened') return broken(i, `event ${i} opens the case again`);
    const expectedPrev = i === 0 ? '' : history[i - 1]!.hash;
    if (e.prev !== expectedPrev) {
      return broken(
        i,
        `event ${i} does not follow event ${i - 1}: its prev is "${shown(e.prev)}", the hash before it is "${expectedPrev}"`,
      );
    }
    let actual: string;
    try {
      actual = recordHash(e as unknown as Record<string, unknown>, sha256);
    } catch (err) {
      return broken(i, `event ${i} is not valid JSON: ${(err as Error).message}`);
    }
    if (actual !== e.hash)
      return broken(
        i,
        `event ${i} was altered: its content hashes to ${actual}, the record says ${shown(e.hash)}`,
      );
  }
  if (options.head !== undefined && history[history.length - 1]!.hash !== options.head) {
    return broken(
      history.length,
      `the history ends with event ${history.length - 1} (hash ${history[history.length - 1]!.hash}), but the case's last event has hash ${options.head}: events are missing at the end`,
    );
  }
  return { ok: true, events: history.length, brokenAt: null, reason: '' };
}
