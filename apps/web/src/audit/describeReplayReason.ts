type T = (key: string, opts?: Record<string, unknown>) => string;

/** Reason codes of a replay that have a sentence of their own in the user's language. */
const KNOWN = new Set([
  'different-state',
  'different-effects',
  'hash-mismatch',
  'chain-broken',
  'event-not-available',
  'guard-failed',
  'form-invalid',
  'role-not-allowed',
  'migration-skipped',
  'not-replayed',
  'protocol-unknown',
  'bad-record',
]);

/**
 * Why an event of a replay diverges, for an auditor: a sentence in their language for the
 * reason's code, followed by the engine's own precise message (states, fields, hashes).
 */
export function describeReplayReason(r: { code: string; message: string }, t: T): string {
  if (!KNOWN.has(r.code)) return r.message;
  return `${t(`audit.reason.${r.code}`)} (${r.message})`;
}
