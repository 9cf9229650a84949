import { jsonTexts as texts } from './jsonTexts.js';
import { toPointer } from './jsonPointer.js';
import { wrapText, type BilingualText } from './problemText.js';
import type { Problem, Text } from './types.js';

/** Keys that could reach an object's prototype when a parsed value is merged or assigned. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
/** Objects and arrays may nest this deep, no deeper: enough for any form, too little to exhaust a stack. */
export const MAX_JSON_DEPTH = 64;

export type ParseJsonResult =
  | { ok: true; value: unknown }
  | { ok: false; problem: Problem & { location: { line: number; column: number } } };

/**
 * Parses JSON from outside (a file, a request, a pasted draft) without trusting it: malformed
 * text gives a problem with line and column, and so do keys that reach prototypes
 * (`__proto__`, `constructor`, `prototype`), a key written twice in one object (JSON.parse would
 * silently keep the last one) and nesting deeper than 64. A leading byte-order mark is allowed.
 *
 * @example
 *   const r = parseJson(text, 'workflows/child-repatriation.v1.json');
 *   if (!r.ok) console.error(`${r.problem.location.line}:${r.problem.location.column} ${r.problem.message}`);
 */
export function parseJson(text: string, file?: string): ParseJsonResult {
  if (typeof text !== 'string') {
    return {
      ok: false,
      problem: {
        code: 'json-malformed',
        location: { ...(file !== undefined ? { file } : {}), pointer: '', line: 1, column: 1 },
        ...texts.notText(text === null ? 'null' : typeof text),
      },
    };
  }
  const parser = new Parser(text);
  try {
    const value = parser.parseDocument();
    return { ok: true, value };
  } catch (e) {
    if (!(e instanceof JsonFailure)) throw e;
    const { line, column } = lineAndColumn(text, e.position);
    const location: Problem['location'] & { line: number; column: number } = {
      pointer: e.pointer,
      line,
      column,
    };
    if (file !== undefined) location.file = file;
    const at = texts.at(line, column);
    return {
      ok: false,
      problem: { code: e.code, location, ...wrapText(e.text, { after: at.en }, { after: at.es }) },
    };
  }
}

/**
 * The first key anywhere in an already-parsed value that could reach a prototype, with its
 * JSON pointer; null when there is none. For request bodies parsed by a framework.
 *
 * @example findForbiddenKey(JSON.parse('{"a": [{"__proto__": {}}]}')) // { key: "__proto__", pointer: "/a/0/__proto__" }
 */
export function findForbiddenKey(value: unknown): { key: string; pointer: string } | null {
  const seen = new WeakSet<object>();
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(v);
    for (const key of keys) {
      if (FORBIDDEN_KEYS.includes(key)) return { key, pointer: toPointer([...path, key]) };
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      stack.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}

/**
 * The pointer of the first object or array nested deeper than `max` in an already-parsed value
 * (the top-level value is depth 1); null when the value is within bounds.
 */
export function findTooDeep(value: unknown, max: number = MAX_JSON_DEPTH): string | null {
  const stack: { value: unknown; path: (string | number)[]; depth: number }[] = [
    { value, path: [], depth: 1 },
  ];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return toPointer(path);
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((item, i) => [i, item])
      : Object.entries(v);
    for (const [k, child] of entries) stack.push({ value: child, path: [...path, k], depth: depth + 1 });
  }
  return null;
}

class JsonFailure {
  constructor(
    readonly code: string,
    readonly position: number,
    readonly pointer: string,
    readonly text: BilingualText,
  ) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** A strict JSON (RFC 8259) recursive-descent parser; recursion is bounded by MAX_JSON_DEPTH. */
class Parser {
  private pos = 0;
  private readonly path: (string | number)[] = [];

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  parseDocument(): unknown {
    this.skipSpace();
    if (this.pos >= this.text.length) {
      this.fail(this.pos, texts.empty());
    }
    const value = this.parseValue(0);
    this.skipSpace();
    if (this.pos < this.text.length) {
      this.fail(this.pos, texts.afterEnd(this.describe(this.pos)));
    }
    return value;
  }

  private parseValue(depth: number): unknown {
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.parseObject(depth + 1);
      case '[':
        return this.parseArray(depth + 1);
      case '"':
        return this.parseString();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.parseNumber();
        return this.unexpectedValue();
    }
  }

  private enter(depth: number): void {
    if (depth > MAX_JSON_DEPTH) {
      throw new JsonFailure('json-too-deep', this.pos, toPointer(this.path), texts.tooDeep(MAX_JSON_DEPTH));
    }
  }

  private parseObject(depth: number): Record<string, unknown> {
    this.enter(depth);
    this.pos++;
    const out: Record<string, unknown> = {};
    const keys = new Set<string>();
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      const keyAt = this.pos;
      if (this.text[this.pos] !== '"') {
        if (this.text[this.pos] === '}') {
          this.fail(this.pos, texts.trailingCommaInObject());
        }
        if (this.text[this.pos] === '/') this.unexpectedValue();
        this.fail(this.pos, texts.expectedPropertyName(this.describe(this.pos)), true);
      }
      const key = this.parseString();
      if (FORBIDDEN_KEYS.includes(key)) {
        throw new JsonFailure(
          'json-forbidden-key',
          keyAt,
          toPointer([...this.path, key]),
          texts.forbiddenKey(key),
        );
      }
      if (keys.has(key)) {
        throw new JsonFailure(
          'json-duplicate-key',
          keyAt,
          toPointer([...this.path, key]),
          texts.duplicateKey(key),
        );
      }
      keys.add(key);
      this.skipSpace();
      if (this.text[this.pos] !== ':') {
        this.fail(this.pos, texts.expectedColon(key, this.describe(this.pos)), true);
      }
      this.pos++;
      this.skipSpace();
      this.path.push(key);
      out[key] = this.parseValue(depth);
      this.path.pop();
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return out;
      }
      this.fail(this.pos, texts.expectedCommaOrBrace(key, this.describe(this.pos)), true);
    }
  }

  private parseArray(depth: number): unknown[] {
    this.enter(depth);
    this.pos++;
    const out: unknown[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === ']') {
        this.fail(this.pos, texts.trailingCommaInList());
      }
      this.path.push(out.length);
      out.push(this.parseValue(depth));
      this.path.pop();
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return out;
      }
      this.fail(this.pos, texts.expectedCommaOrBracket(this.describe(this.pos)), true);
    }
  }

  private parseString(): string {
    const start = this.pos;
    this.pos++;
    let out = '';
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= this.text.length) {
        this.fail(start, texts.stringNotClosed());
      }
      const code = this.text.charCodeAt(this.pos);
      if (code === 0x22) {
        out += this.text.slice(chunk, this.pos);
        this.pos++;
        return out;
      }
      if (code < 0x20) {
        this.fail(this.pos, texts.controlCharacter());
      }
      if (code === 0x5c) {
        out += this.text.slice(chunk, this.pos);
        const e = this.text[this.pos + 1];
        if (e === 'u') {
          const hex = this.text.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            this.fail(this.pos, texts.badUnicodeEscape());
          }
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
        } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
          out += ESCAPES[e];
          this.pos += 2;
        } else {
          this.fail(this.pos, texts.badEscape(e ?? ''));
        }
        chunk = this.pos;
        continue;
      }
      this.pos++;
    }
  }

  private parseNumber(): number {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) {
      this.fail(this.pos, texts.badNumberStart(this.describe(this.pos)));
    }
    const end = this.pos + m[0].length;
    const after = this.text[end];
    if (after !== undefined && /[0-9.eE+\-a-zA-Z_]/.test(after)) {
      this.fail(end, texts.badNumber(this.text.slice(this.pos, end + 1)));
    }
    this.pos = end;
    return Number(m[0]);
  }

  private literal<T>(word: string, value: T): T {
    if (this.text.startsWith(word, this.pos)) {
      const after = this.text[this.pos + word.length];
      if (after === undefined || !/[A-Za-z0-9_$]/.test(after)) {
        this.pos += word.length;
        return value;
      }
    }
    return this.unexpectedValue();
  }

  private unexpectedValue(): never {
    const c = this.text[this.pos];
    if (c === undefined) {
      this.fail(this.pos, texts.endsEarly());
    }
    if (c === "'") this.fail(this.pos, texts.singleQuotes());
    if (c === '/' && (this.text[this.pos + 1] === '/' || this.text[this.pos + 1] === '*')) {
      this.fail(this.pos, texts.comment());
    }
    if (c === '}' || c === ']') {
      this.fail(this.pos, texts.expectedValueBefore(c), true);
    }
    const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(this.text.slice(this.pos, this.pos + 40))?.[0];
    if (word !== undefined) {
      this.fail(this.pos, texts.unexpectedWord(word));
    }
    this.fail(this.pos, texts.unexpectedValue(this.describe(this.pos)));
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else return;
    }
  }

  private describe(pos: number): Text {
    return texts.describeChar(this.text[pos]);
  }

  /** `expected`: the text says what was expected there, which at the very end means it is cut short. */
  private fail(position: number, text: BilingualText, expected = false): never {
    if (position >= this.text.length && expected) {
      throw new JsonFailure('json-malformed', position, toPointer(this.path), texts.endsEarly());
    }
    throw new JsonFailure('json-malformed', position, toPointer(this.path), text);
  }
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
