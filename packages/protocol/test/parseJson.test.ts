import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findForbiddenKey, findTooDeep, MAX_JSON_DEPTH, parseJson } from '../src/index.js';

function problemOf(text: string) {
  const r = parseJson(text, 'forms/x.json');
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
  return r.problem;
}

describe('parseJson', () => {
  it('parses what JSON.parse parses, to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const r = parseJson(text);
        const hasForbidden = findForbiddenKey(value) !== null;
        if (hasForbidden) expect(r.ok).toBe(false);
        else expect(r).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what JSON.parse refuses', () => {
    const samples = [
      '{"a":1,}',
      '[1,2,]',
      "{'a':1}",
      '{a:1}',
      '{"a":01}',
      '{"a":1.}',
      '{"a":.5}',
      '{"a":+1}',
      '{"a":NaN}',
      '{"a":"x\ny"}',
      '"\\x41"',
      '{"a":1} {"b":2}',
      '',
      '   ',
      '[',
      '{"a":',
      'tru',
      'nul',
      '{"a":true1}',
      '1e',
      '-',
      '// c\n{}',
      '{"a":1 "b":2}',
      '[1 2]',
    ];
    for (const text of samples) {
      expect(() => JSON.parse(text)).toThrow();
      expect(parseJson(text).ok).toBe(false);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        if (!valid) expect(parseJson(text).ok).toBe(false);
      }),
    );
  });

  it('says on which line and column malformed JSON breaks, with a fix', () => {
    const text = '{\n  "id": "screening",\n  "version": 1,\n}';
    expect(problemOf(text)).toEqual({
      code: 'json-malformed',
      location: { file: 'forms/x.json', pointer: '', line: 4, column: 1 },
      message: 'Trailing comma before "}" (line 4, column 1)',
      hint: 'remove the comma after the last property',
      es: {
        message: 'Sobra una coma antes de "}" (línea 4, columna 1)',
        hint: 'Quite la coma después de la última propiedad.',
      },
    });
    expect(problemOf('{\n  "title": {"es": \'Hola\'}\n}')).toMatchObject({
      location: { pointer: '/title/es', line: 2, column: 19 },
      hint: expect.stringContaining('double quotes'),
    });
    expect(problemOf('{"a": [1, 2}').location).toMatchObject({ pointer: '/a', line: 1, column: 12 });
    expect(problemOf('{"a": "open').message).toMatch(/not closed/);
    expect(problemOf('{"a": {"b": [1,').message).toMatch(/ends too early/);
    expect(problemOf('{"a": 1} // comment').hint).toMatch(/remove/);
    expect(problemOf('{\n"a": 1, /* why */ "b": 2}').hint).toMatch(/no comments/);
  });

  it('refuses keys that reach prototypes, anywhere, with their pointer', () => {
    expect(problemOf('{"__proto__": {"admin": true}}')).toMatchObject({
      code: 'json-forbidden-key',
      location: { pointer: '/__proto__', line: 1, column: 2 },
    });
    expect(problemOf('{"a": [{}, {"b": {"constructor": {"prototype": {}}}}]}').location.pointer).toBe(
      '/a/1/b/constructor',
    );
    expect(problemOf('{"prototype": 1}').code).toBe('json-forbidden-key');
    expect(problemOf('{"\\u005f_proto__": {}}').location.pointer).toBe('/__proto__');
    // The refused key never reached any prototype.
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses a key written twice in one object', () => {
    expect(problemOf('{"states": {"a": 1, "a": 2}}')).toMatchObject({
      code: 'json-duplicate-key',
      location: { pointer: '/states/a', column: 21 },
    });
    expect(parseJson('[{"a": 1}, {"a": 2}]').ok).toBe(true);
  });

  it('refuses nesting deeper than 64 without exhausting the stack', () => {
    const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(parseJson(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(problemOf(nested(MAX_JSON_DEPTH + 1))).toMatchObject({
      code: 'json-too-deep',
      location: { pointer: `/${Array(MAX_JSON_DEPTH).fill(0).join('/')}` },
    });
    expect(problemOf(nested(1_000_000)).code).toBe('json-too-deep');
    expect(problemOf('{"a":'.repeat(100) + '1' + '}'.repeat(100)).code).toBe('json-too-deep');
  });

  it('refuses what is not text instead of throwing', () => {
    expect(parseJson(undefined as never)).toMatchObject({ ok: false, problem: { code: 'json-malformed' } });
  });

  it('accepts a byte-order mark', () => {
    expect(parseJson('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('findForbiddenKey', () => {
  it('finds forbidden keys in parsed request bodies', () => {
    expect(findForbiddenKey(JSON.parse('{"a": [{"__proto__": {}}]}'))).toEqual({
      key: '__proto__',
      pointer: '/a/0/__proto__',
    });
    expect(findForbiddenKey({ a: { 'x/y': { constructor: 1 } } })).toEqual({
      key: 'constructor',
      pointer: '/a/x~1y/constructor',
    });
    expect(findForbiddenKey({ a: [1, 'constructor', { b: null }] })).toBeNull();
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(findForbiddenKey(cyclic)).toBeNull();
  });

  it('finds values nested too deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 70; i++) deep = [deep];
    expect(findTooDeep(deep)).toBe(`/${Array(MAX_JSON_DEPTH).fill(0).join('/')}`);
    expect(findTooDeep({ a: { b: 1 } }, 2)).toBeNull();
    expect(findTooDeep({ a: { b: {} } }, 2)).toBe('/a/b');
  });
});
