import type { ErrorSchema } from '@rjsf/utils';
import type { Rejection } from '@ruta/engine';
import { validationMessage } from './localizeErrors.js';

const PARAMLESS = new Set(['required', 'enum', 'type', 'pattern', 'const', 'uniqueItems', 'notInFuture']);

type T = (key: string, opts?: Record<string, unknown>) => string;

/**
 * The engine's `form-invalid` reasons for one form, as rjsf `extraErrors`, so a rejection by the
 * server shows under the field it is about, in the UI language. Reasons it cannot place on a
 * field are returned in `unplaced` for the form's error summary.
 */
export function rejectionsToErrorSchema(
  rejections: Rejection[],
  formId: string,
  t: T,
): { errorSchema: ErrorSchema; unplaced: Rejection[]; placed: number } {
  const errorSchema: ErrorSchema = {};
  const unplaced: Rejection[] = [];
  let placed = 0;
  for (const r of rejections) {
    if (r.code !== 'form-invalid' || (r.form && r.form !== formId)) {
      if (r.code === 'form-invalid' || r.code === 'bad-input') unplaced.push(r);
      continue;
    }
    const segments = fieldPath(r.path, r.keyword, r.message);
    // Keywords whose wording needs no limit can be said in the UI language; the rest keep the
    // engine's message, which carries the limit.
    const message = PARAMLESS.has(r.keyword) ? validationMessage(r.keyword, {}, t) : r.message;
    if (segments.length === 0) {
      unplaced.push(r);
      continue;
    }
    let node = errorSchema as Record<string, unknown>;
    for (const seg of segments) {
      node[seg] = (node[seg] as Record<string, unknown> | undefined) ?? {};
      node = node[seg] as Record<string, unknown>;
    }
    const list = (node.__errors as string[] | undefined) ?? [];
    if (!list.includes(message)) list.push(message);
    node.__errors = list;
    placed++;
  }
  return { errorSchema, unplaced, placed };
}

/**
 * The field a reason is about, as path segments. Accepts a JSON pointer ("/a/b"), a dotted path
 * (".a.b", "a.b") and, for `required`, Ajv's parent path plus the property named in its message.
 * "/" is the whole form (e.g. "this step records a form: submit its data").
 */
export function fieldPath(path: string | undefined, keyword: string, message: string): string[] {
  const raw = (path ?? '').trim();
  const segments = raw.startsWith('/')
    ? raw
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    : raw.split('.');
  const clean = segments.filter((s) => s !== '');
  if (keyword === 'required') {
    // Ajv's own wording, for a validator that reports the parent object's path.
    const m = /required property '([^']+)'/.exec(message);
    if (m?.[1] && clean[clean.length - 1] !== m[1]) clean.push(m[1]);
  }
  return clean;
}
