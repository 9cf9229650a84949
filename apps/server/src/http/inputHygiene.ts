import type { NextFunction, Request, Response } from 'express';
import { FORBIDDEN_KEYS, parseJson } from '@ruta/protocol';
import { userError } from '../errors.js';

/**
 * The first key anywhere in a parsed value that MongoDB would read as an operator ("$gt") or
 * that could reach a prototype ("__proto__", "constructor", "prototype"), as a JSON pointer.
 */
export function findUnsafeKey(value: unknown): { key: string; pointer: string } | null {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ v: item, path: `${path}/${i}` }));
      continue;
    }
    for (const key of Object.keys(v)) {
      const pointer = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key.startsWith('$') || FORBIDDEN_KEYS.includes(key)) return { key, pointer };
      stack.push({ v: (v as Record<string, unknown>)[key], path: pointer });
    }
  }
  return null;
}

/** Query keys such as "a[$gt]", "$where" or "__proto__.x", whichever way a parser would split them. */
export function findUnsafeQueryKey(query: Record<string, unknown>): string | null {
  for (const key of Object.keys(query)) {
    const parts = key.split(/[[\].]+/).filter((p) => p !== '');
    if (parts.some((p) => p.startsWith('$') || FORBIDDEN_KEYS.includes(p))) return key;
    if (key.startsWith('$')) return key;
  }
  return null;
}

/**
 * Parses a JSON body strictly (malformed text, duplicate keys, nesting deeper than 64 and
 * prototype keys are refused with line and column) and refuses operator and prototype keys in
 * the query string. Runs after express.raw, before any route.
 */
export function inputHygiene(req: Request, _res: Response, next: NextFunction): void {
  const badQuery = findUnsafeQueryKey(req.query as Record<string, unknown>);
  if (badQuery !== null) {
    throw userError(
      'unsafe-key',
      `The query parameter "${badQuery}" is not allowed: names starting with "$" and __proto__, constructor or prototype are refused.`,
      [{ in: 'query', key: badQuery }],
    );
  }
  if (Buffer.isBuffer(req.body)) {
    const text = req.body.toString('utf8');
    if (text.trim() === '') {
      req.body = undefined;
      return next();
    }
    const parsed = parseJson(text);
    if (!parsed.ok) {
      const p = parsed.problem;
      if (p.code === 'json-forbidden-key') {
        throw userError('unsafe-key', `${p.message} (at ${p.location.pointer}); ${p.hint}.`, [
          { in: 'body', pointer: p.location.pointer, line: p.location.line, column: p.location.column },
        ]);
      }
      throw userError('malformed-json', `The request body is not valid JSON: ${p.message}; ${p.hint}.`, [
        { in: 'body', pointer: p.location.pointer, line: p.location.line, column: p.location.column },
      ]);
    }
    const bad = findUnsafeKey(parsed.value);
    if (bad) {
      throw userError(
        'unsafe-key',
        `The key "${bad.key}" at ${bad.pointer} is not allowed: keys starting with "$" and __proto__, constructor or prototype are refused. Rename or remove it.`,
        [{ in: 'body', key: bad.key, pointer: bad.pointer }],
      );
    }
    req.body = parsed.value;
  }
  next();
}
