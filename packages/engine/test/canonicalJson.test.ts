import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalCopy, canonicalJson, canonicalJsonWith } from '../src/canonicalJson.js';
import { FORBIDDEN_KEYS } from '../src/checkInput.js';
import { recordText } from '../src/recordText.js';

/** RFC 8785 written the plain way, to check the fast one against. */
function reference(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${reference(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

describe('canonicalJson (RFC 8785)', () => {
  it('writes the RFC example as the RFC does', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, integer-like keys included (RFC 8785 §3.2.3)', () => {
    const input = {
      '€': 'Euro',
      '\r': 'CR',
      '\ufb33': 'Dalet',
      '1': 'One',
      '\ud83d\ude00': 'Emoji',
      '\u0080': 'Control',
      ö: 'o',
      '10': 'Ten',
      '2': 'Two',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"CR","1":"One","10":"Ten","2":"Two","\u0080":"Control","ö":"o","€":"Euro","\ud83d\ude00":"Emoji","\ufb33":"Dalet"}',
    );
  });

  it('agrees with the plain writer on any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
        const { text, copy } = canonicalCopy(v, new Set());
        expect(text).toBe(reference(v));
        expect(copy).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 500 },
    );
  });

  it('writes pre-serialised parts as they are', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
        fc.jsonValue({ maxDepth: 2 }),
        (record, data) => {
          expect(canonicalJsonWith({ ...record, data: 'placeholder' }, 'data', canonicalJson(data))).toBe(
            reference({ ...record, data }),
          );
        },
      ),
    );
  });

  it('keeps an own "__proto__" key, in any key order, so that adding one changes the hash', () => {
    const withKey = JSON.parse(
      '{"b": 1, "__proto__": {"x": 2}, "a": [{"z": 0, "__proto__": null}]}',
    ) as unknown;
    expect(canonicalJson(withKey)).toBe('{"__proto__":{"x":2},"a":[{"__proto__":null,"z":0}],"b":1}');
    expect(canonicalJson(withKey)).toBe(reference(withKey));
  });

  it('names the pointer of what JSON cannot carry', () => {
    expect(() => canonicalJson({ a: [1, { b: Number.POSITIVE_INFINITY }] })).toThrow(
      '/a/1/b: Infinity is not a JSON number',
    );
    expect(() => canonicalJson({ 'x/y': [undefined] })).toThrow('/x~1y/0');
    expect(() => canonicalCopy(JSON.parse('{"ok": {"__proto__": 1}}'), FORBIDDEN_KEYS)).toThrow(
      '/ok/__proto__',
    );
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow('nested deeper');
  });

  it("writes a step's record from its parts exactly as canonicalJson writes the record (property)", () => {
    const text = fc.string({ unit: 'binary' });
    const effect = fc.oneof(
      fc.record({
        type: fc.constant('notifyFocalPoint' as const),
        country: text,
        reason: fc.record({ es: text, en: text }),
      }),
      fc.record({
        type: fc.constant('openLinkedCase' as const),
        protocol: text,
        country: text,
        relation: fc.constantFrom('referral' as const, 'handover' as const),
      }),
    );
    const value = fc.oneof(text, fc.dictionary(text, text, { maxKeys: 3 }));
    fc.assert(
      fc.property(
        fc.record({
          actor: fc.record({
            userId: text,
            role: fc.constantFrom('caseworker' as const, 'system' as const),
            country: fc.constantFrom('GT' as const, 'REGIONAL' as const),
          }),
          at: text,
          caseId: text,
          data: fc.option(fc.dictionary(text, fc.jsonValue({ maxDepth: 2 })), { nil: undefined }),
          effects: fc.array(effect, { maxLength: 3 }),
          from: value,
          to: value,
          id: text,
          kind: fc.constantFrom('step' as const, 'timer' as const),
          prev: text,
          protocol: fc.record({
            id: text,
            version: fc.nat(),
            jurisdiction: fc.constantFrom('REGIONAL' as const, 'MX' as const),
          }),
          seq: fc.nat(),
          type: text,
        }),
        (r) => {
          const written = recordText({
            ...r,
            dataText: r.data === undefined ? undefined : canonicalJson(r.data),
            fromText: canonicalJson(r.from),
            toText: canonicalJson(r.to),
            protocolText: canonicalJson(r.protocol),
          });
          expect(written).toBe(canonicalJson(r));
        },
      ),
      { numRuns: 300 },
    );
  });
});
