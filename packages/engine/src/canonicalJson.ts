import { MAX_JSON_DEPTH } from '@ruta/protocol';

/**
 * Canonical JSON (RFC 8785, JCS): object keys sorted by UTF-16 code units, no whitespace,
 * numbers and strings as ECMAScript serialises them. Two records with the same content
 * always give the same text, so their SHA-256 is a stable fingerprint.
 *
 * Throws a CanonicalJsonError naming the JSON pointer of the first value JSON cannot carry
 * (undefined inside an array, a function, NaN, Infinity, a bigint, a class instance, nesting
 * deeper than MAX_DEPTH). Object properties whose value is undefined are left out, as
 * JSON.stringify does.
 *
 * @example canonicalJson({ b: 1, a: [true, "x"] }) === '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    integerKeys = false;
    forbiddenKeys = null;
    alwaysCopy = false;
    const view = ordered(value, 0);
    // JSON.stringify writes keys in property order, and numbers and strings exactly as RFC 8785
    // asks; `ordered` gave every object its keys in code-unit order. Only integer-like keys
    // ("10" before "2") defeat that, since engines enumerate them numerically: then write by hand.
    return integerKeys ? write(value, 0) : JSON.stringify(view);
  } catch (err) {
    throw located(err);
  }
}

/**
 * canonicalJson and a deep copy of the value with its keys in canonical order, made in the
 * same pass, refusing any key in `forbidden` (e.g. "__proto__", which the copy could otherwise
 * turn into a prototype).
 */
export function canonicalCopy(
  value: unknown,
  forbidden: ReadonlySet<string>,
): { text: string; copy: unknown } {
  try {
    integerKeys = false;
    forbiddenKeys = forbidden;
    alwaysCopy = true;
    const copy = ordered(value, 0);
    return { text: integerKeys ? write(copy, 0) : JSON.stringify(copy), copy };
  } catch (err) {
    throw located(err);
  } finally {
    forbiddenKeys = null;
  }
}

/** canonicalJson, refusing any key in `forbidden` anywhere in the value (no copy is kept). */
export function canonicalChecked(value: unknown, forbidden: ReadonlySet<string>): string {
  try {
    integerKeys = false;
    forbiddenKeys = forbidden;
    alwaysCopy = false;
    const view = ordered(value, 0);
    return integerKeys ? write(value, 0) : JSON.stringify(view);
  } catch (err) {
    throw located(err);
  } finally {
    forbiddenKeys = null;
  }
}

/** Nesting deeper than this is refused: no real form needs it, and it protects the stack. */
export const MAX_DEPTH = MAX_JSON_DEPTH;

export class CanonicalJsonError extends TypeError {
  /** JSON pointer of the offending value. */
  pointer = '';
  constructor(
    readonly reason: 'not-json' | 'too-deep' | 'forbidden-key',
    readonly detail: string,
    /** Path segments, innermost first while the error unwinds. */
    readonly segments: (string | number)[] = [],
  ) {
    super(detail);
    this.name = 'CanonicalJsonError';
  }
}

function located(err: unknown): unknown {
  if (!(err instanceof CanonicalJsonError)) return err;
  err.pointer = err.segments
    .reverse()
    .map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
  err.message = `${err.pointer || '/'}: ${err.detail}`;
  return err;
}

// The pointer of a bad value is built only when one is found: on the way out, each level adds
// its key to the error, so the common case pays nothing for it.
function write(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError('not-json', `${value} is not a JSON number`);
      // ECMAScript number serialisation is the one RFC 8785 prescribes; -0 becomes 0.
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (depth >= MAX_DEPTH)
        throw new CanonicalJsonError('too-deep', `nested deeper than ${MAX_DEPTH} levels`);
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const item: unknown = value[i];
          try {
            if (item === undefined) throw new CanonicalJsonError('not-json', 'undefined is not JSON');
            out += write(item, depth + 1);
          } catch (err) {
            throw addSegment(err, i);
          }
        }
        return out + ']';
      }
      checkPlain(value);
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, exactly as RFC 8785 §3.2.3 asks.
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        if (!first) out += ',';
        first = false;
        try {
          out += JSON.stringify(key) + ':' + write(item, depth + 1);
        } catch (err) {
          throw addSegment(err, key);
        }
      }
      return out + '}';
    }
    default:
      throw new CanonicalJsonError('not-json', `a ${typeof value} is not JSON`);
  }
}

/** Set by `ordered` when an object has integer-like keys, which JSON.stringify would reorder. */
let integerKeys = false;
/** Keys `ordered` refuses, if any. */
let forbiddenKeys: ReadonlySet<string> | null = null;
/** Whether `ordered` copies everything, or only objects whose keys it must reorder. */
let alwaysCopy = false;

/**
 * Checks that a value is JSON (and has none of `forbiddenKeys`) and gives it with every object's
 * keys in code-unit order: the value itself where it already is, else a reordered copy; with
 * `alwaysCopy`, a full copy (so that the caller's object is never kept).
 */
function ordered(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError('not-json', `${value} is not a JSON number`);
      // JSON has no -0: the copy holds the 0 its text says.
      return value === 0 ? 0 : value;
    case 'object':
      if (value === null) return null;
      if (depth >= MAX_DEPTH)
        throw new CanonicalJsonError('too-deep', `nested deeper than ${MAX_DEPTH} levels`);
      return Array.isArray(value) ? orderedList(value, depth) : orderedRecord(value, depth);
    default:
      throw new CanonicalJsonError('not-json', `a ${typeof value} is not JSON`);
  }
}

function orderedList(value: unknown[], depth: number): unknown[] {
  let out: unknown[] | null = alwaysCopy ? new Array<unknown>(value.length) : null;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    let v: unknown;
    try {
      if (item === undefined) throw new CanonicalJsonError('not-json', 'undefined is not JSON');
      v = ordered(item, depth + 1);
    } catch (err) {
      throw addSegment(err, i);
    }
    if (out === null && v !== item) out = value.slice(0, i);
    if (out !== null) out[i] = v;
  }
  return out ?? value;
}

function orderedRecord(value: object, depth: number): unknown {
  checkPlain(value);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let sorted = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const c = key.charCodeAt(0);
    if (c >= 48 && c <= 57) integerKeys = true;
    if (forbiddenKeys !== null && forbiddenKeys.has(key)) {
      throw addSegment(new CanonicalJsonError('forbidden-key', `the key "${key}" is not allowed`), key);
    }
    if (sorted && i > 0 && keys[i - 1]! > key) sorted = false;
  }
  if (!sorted) sortKeys(keys);
  let out: Record<string, unknown> | null = alwaysCopy || !sorted ? {} : null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const item = record[key];
    if (item === undefined) {
      if (out === null) out = copyFirst(record, keys, i);
      continue;
    }
    let v: unknown;
    try {
      v = ordered(item, depth + 1);
    } catch (err) {
      throw addSegment(err, key);
    }
    if (out === null && v !== item) out = copyFirst(record, keys, i);
    if (out !== null) setOwn(out, key, v);
  }
  return out ?? value;
}

/**
 * out[key] = value as an own property, even for the key "__proto__", which assignment would
 * take as the object's prototype (dropping the key from the text, so that adding such a key to
 * a record would not change its hash).
 */
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/**
 * Sorts keys by UTF-16 code units, in place: what Array#sort does by default, by insertion, which
 * for the dozen or two fields of a form is several times faster than the built-in sort.
 */
function sortKeys(keys: string[]): void {
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    if (keys[j]! <= key) continue;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
}

/** A new object with the first `n` of `keys` (in that order) copied from `record`. */
function copyFirst(record: Record<string, unknown>, keys: string[], n: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const v = record[keys[i]!];
    if (v !== undefined) setOwn(out, keys[i]!, v);
  }
  return out;
}

function checkPlain(value: object): void {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    throw new CanonicalJsonError(
      'not-json',
      `only plain objects are JSON (got ${name ? `a ${name}` : 'an object with a custom prototype'})`,
    );
  }
}

function addSegment(err: unknown, segment: string | number): unknown {
  if (err instanceof CanonicalJsonError) err.segments.push(segment);
  return err;
}

/** Bytes of a string in UTF-8, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * canonicalJson of an object one of whose properties is already known as canonical text (a
 * record's form data): that part is written as is instead of being serialised again.
 */
export function canonicalJsonWith(record: Record<string, unknown>, key: string, text: string): string {
  // Serialise with a placeholder string in its place, then put the text where the placeholder is.
  // The placeholder's quotes cannot come from inside a string (JSON escapes those), and keys are
  // sorted, so the first `"<key>":"<placeholder>"` is the top-level one whenever no property
  // sorted before `key` holds that same key; otherwise serialise everything.
  const marker = `${JSON.stringify(key)}:${JSON.stringify(PLACEHOLDER)}`;
  const withPlaceholder = canonicalJson({ ...record, [key]: PLACEHOLDER });
  const at = withPlaceholder.indexOf(marker);
  const before = at < 0 ? '' : withPlaceholder.slice(0, at);
  if (at < 0 || before.includes(JSON.stringify(key) + ':')) return canonicalJson(record);
  return `${before}${JSON.stringify(key)}:${text}${withPlaceholder.slice(at + marker.length)}`;
}

const PLACEHOLDER = '\u0000ruta:canonical-text\u0000';
