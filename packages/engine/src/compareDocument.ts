import { sameJson } from './runtime.js';
import type { CaseState, DocumentDifference } from './types.js';

/**
 * Where a stored case document differs from the state its history replays to (both at the same
 * event): any difference means the document was changed outside the history. Form data is
 * compared form by form and named by form only.
 *
 * @example compareDocument(replayed, JSON.parse(doc.cur.state)) // [{ part: 'data', form: 'cr-detection' }]
 */
export function compareDocument(replayed: CaseState, stored: unknown): DocumentDifference[] {
  // Both as they would be stored: JSON drops what JSON has not (undefined members).
  const r = JSON.parse(JSON.stringify(replayed)) as CaseState;
  const s: Record<string, unknown> =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? (JSON.parse(JSON.stringify(stored)) as Record<string, unknown>)
      : {};
  const out: DocumentDifference[] = [];
  if (s.seq !== r.seq) out.push({ part: 'seq', stored: s.seq, replayed: r.seq });
  if (s.head !== r.head) out.push({ part: 'head', stored: s.head, replayed: r.head });
  if (!sameJson(s.value, r.value)) out.push({ part: 'stage', stored: s.value, replayed: r.value });
  if (s.status !== r.status) out.push({ part: 'status', stored: s.status, replayed: r.status });
  const storedData: Record<string, unknown> =
    typeof s.data === 'object' && s.data !== null && !Array.isArray(s.data)
      ? (s.data as Record<string, unknown>)
      : {};
  for (const form of new Set([...Object.keys(r.data), ...Object.keys(storedData)])) {
    if (!sameJson(storedData[form], r.data[form])) out.push({ part: 'data', form });
  }
  for (const part of [
    'protocol',
    'country',
    'id',
    'profile',
    'deadlines',
    'timers',
    'openedAt',
    'updatedAt',
  ] as const) {
    if (!sameJson(s[part], r[part])) out.push({ part });
  }
  return out;
}
