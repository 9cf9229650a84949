/**
 * Canonical JSON (RFC 8785, JCS): object keys sorted by UTF-16 code units, no whitespace,
 * numbers and strings as ECMAScript serialises them. Two records with the same content
 * always give the same text, so their SHA-256 is a stable fingerprint.
 *
 * Throws a TypeError naming the JSON pointer of the first value JSON cannot carry
 * (undefined inside an array, a function, NaN, Infinity, a bigint, a cycle). Object properties
 * whose value is undefined are left out, as JSON.stringify does.
 *
 * @example canonicalJson({ b: 1, a: [true, "x"] }) === '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, '', 0);
}

/** Nesting deeper than this is rejected: no real form needs it, and it protects the stack. */
export const MAX_DEPTH = 64;

function write(value: unknown, pointer: string, depth: number): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${pointer || '/'}: ${value} is not a JSON number`);
      // ECMAScript number serialisation is the one RFC 8785 prescribes; -0 becomes 0.
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (depth >= MAX_DEPTH) throw new TypeError(`${pointer || '/'}: nested deeper than ${MAX_DEPTH} levels`);
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const item: unknown = value[i];
          if (item === undefined) throw new TypeError(`${pointer}/${i}: undefined is not JSON`);
          out += write(item, `${pointer}/${i}`, depth + 1);
        }
        return out + ']';
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`${pointer || '/'}: only plain objects are JSON (got ${describe(value)})`);
      }
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
        out += JSON.stringify(key) + ':' + write(item, `${pointer}/${escapeKey(key)}`, depth + 1);
      }
      return out + '}';
    }
    default:
      throw new TypeError(`${pointer || '/'}: a ${typeof value} is not JSON`);
  }
}

function describe(value: object): string {
  const name = value.constructor?.name;
  return name ? `a ${name}` : 'an object with a custom prototype';
}

function escapeKey(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
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
