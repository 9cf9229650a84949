import { canonicalJson } from './canonicalJson.js';
import { storedRecordText, type KnownTexts } from './recordText.js';
import { resolveSha256 } from './sha256.js';
import type { EventRecord, Sha256 } from './types.js';

/**
 * The hash an event record must carry: SHA-256 (hex) of the canonical JSON (RFC 8785) of the
 * record without its `hash` field. Since the record includes `prev`, each hash seals the whole
 * history before it.
 */
export function hashEvent(record: Omit<EventRecord, 'hash'> & { hash?: string }, sha256?: Sha256): string {
  return recordHash(record as Record<string, unknown>, resolveSha256(sha256));
}

/**
 * hashEvent of a record as stored, with the canonical texts of its parts the caller already
 * knows: a record of the usual shape is written part by part (storedRecordText), any other
 * (a migration, an unknown key) serialised whole. Throws when the record is not JSON.
 */
export function recordHash(record: Record<string, unknown>, sha256: Sha256, known: KnownTexts = {}): string {
  const text = storedRecordText(record, known, canonicalJson);
  if (text !== null) return sha256(text);
  const { hash: _ignored, ...rest } = record;
  return sha256(canonicalJson(rest));
}
