import { canonicalJson } from './canonicalJson.js';
import { resolveSha256 } from './sha256.js';
import type { EventRecord, Sha256 } from './types.js';

/**
 * The hash an event record must carry: SHA-256 (hex) of the canonical JSON (RFC 8785) of the
 * record without its `hash` field. Since the record includes `prev`, each hash seals the whole
 * history before it.
 */
export function hashEvent(record: Omit<EventRecord, 'hash'> & { hash?: string }, sha256?: Sha256): string {
  const { hash: _ignored, ...rest } = record;
  return resolveSha256(sha256)(canonicalJson(rest));
}
