import type { NextFunction, Request, Response } from 'express';
import { FORBIDDEN_KEYS, parseJson } from '@ruta/protocol';
import { userError } from '../errors.js';
import { unsupportedCharset } from './errorHandler.js';

/** The charset parameter of a Content-Type header, lowercased and unquoted; null when there is none. */
export function declaredCharset(contentType: string | undefined): string | null {
  for (const param of (contentType ?? '').split(';').slice(1)) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    return param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
  }
  return null;
}

/** The offset of the first byte that is not part of a UTF-8 character (call only on bytes that are not UTF-8). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  // The lossy decoding replaces each bad sequence by U+FFFD; every character before the first
  // such replacement was decoded from exactly its own UTF-8 length.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let offset = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const realFffd = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (cp === 0xfffd && !realFffd) return offset;
    offset += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return offset;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text: UTF-8 only, refusing another declared charset (415) and bytes that are not UTF-8 (400). */
function decodeBody(req: Request, body: Buffer): string {
  const charset = declaredCharset(req.headers['content-type']);
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
    throw unsupportedCharset(charset);
  }
  try {
    return UTF8.decode(body);
  } catch {
    const offset = firstInvalidUtf8Byte(body);
    throw userError(
      'invalid-utf8',
      `The request body is not valid UTF-8: byte ${offset} (counting from 0) does not belong to a UTF-8 character. Send the JSON encoded as UTF-8.`,
      [{ in: 'body', offset }],
    );
  }
}

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
 * Parses a JSON body strictly (UTF-8 only, malformed text, duplicate keys, nesting deeper than 64 and
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
    const text = decodeBody(req, req.body);
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
