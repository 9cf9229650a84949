import { userError } from '../errors.js';

/**
 * A list position (the sort key of the last row given, and its id) as an opaque URL-safe text:
 * the X-Next-Cursor header of a page, which the client sends back as `after`.
 */
export function writeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

/**
 * The position a cursor of writeCursor names; a 400 saying where cursors come from otherwise.
 * `list` names the list in the message ("worklist", "handover list").
 */
export function readCursor(cursor: string, list: string): { key: string; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string'
  ) {
    throw userError(
      'invalid-input',
      `Fix the request: query.after is not a ${list} cursor; give the X-Next-Cursor header of the page before, as it came.`,
      [{ in: 'query', path: 'after', issue: 'invalid', message: `not a ${list} cursor` }],
    );
  }
  return { key: parsed[0], id: parsed[1] };
}

/**
 * A page of rows read one beyond `limit` (so the read tells whether more follow): the first
 * `limit` of them, and the cursor of the page after, from the last row's position, or null.
 */
export function cutPage<T>(
  found: T[],
  limit: number,
  positionOf: (row: T) => [key: string, id: string],
): { page: T[]; next: string | null } {
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return { page, next: found.length > limit && last ? writeCursor(...positionOf(last)) : null };
}
