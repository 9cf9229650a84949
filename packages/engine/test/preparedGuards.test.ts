import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateGuard, prepareGuard, type JsonLogic } from '@ruta/protocol';

// The engine evaluates guards through @ruta/protocol's prepareGuard (checked once, scope copied
// only where the guard reads): it must decide exactly as evaluateGuard does, for any guard.

const path = fc.constantFrom(
  'form.a',
  'form.a.b',
  'form.list',
  'form.list.0',
  'form.list.length',
  'form.name.length',
  'case.f.a',
  'case.f',
  'case',
  'form',
  '',
  'x.0',
  'a',
  'current.a',
  'accumulator',
  'form.__proto__',
  'case.f.constructor',
  'form.toString',
);
const logic = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    fc.record({ var: path }),
    fc.record({ var: fc.tuple(path, fc.jsonValue({ maxDepth: 0 })) }),
    fc.record({ var: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(null), fc.constant([])) }),
    fc.record({ var: tie('node') }),
    fc.record({
      missing: fc.oneof(
        fc.array(path, { maxLength: 3 }),
        fc.tuple(fc.array(path, { maxLength: 2 })),
        tie('node'),
      ),
    }),
    fc.record({
      missing_some: fc.tuple(
        fc.integer({ min: 0, max: 2 }),
        fc.oneof(fc.array(path, { maxLength: 3 }), tie('node')),
      ),
    }),
    fc.dictionary(
      fc.constantFrom(
        '==',
        '===',
        '<',
        '>=',
        'and',
        'or',
        '!',
        '!!',
        'in',
        'cat',
        'some',
        'all',
        'none',
        'filter',
        'map',
        'reduce',
        'if',
        'merge',
        'substr',
        '+',
        'max',
        'log',
      ),
      fc.array(tie('node'), { maxLength: 3 }),
      { minKeys: 1, maxKeys: 1 },
    ),
  ),
})).node;

const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, 1, 17, -0, 'abc', '', 'return'),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, undefined),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'f', 'list', 'name', '0', 'length', 'toString'), tie('v'), {
      maxKeys: 4,
    }),
  ),
})).v;

describe('prepared guards', () => {
  it('decide exactly as evaluateGuard, whatever the guard and the data (property)', () => {
    fc.assert(
      fc.property(logic, value, value, (l, c, f) => {
        const caseData =
          typeof c === 'object' && c !== null && !Array.isArray(c)
            ? (c as Record<string, unknown>)
            : { f: c };
        const scope = { case: caseData, form: f };
        expect(prepareGuard(l as JsonLogic)(scope)).toBe(evaluateGuard(l as JsonLogic, scope));
      }),
      { numRuns: 3000 },
    );
  });

  it('read what evaluateGuard reads, where a path hides inside another one or is computed', () => {
    const scope = {
      case: { f: { a: 1, b: 'x', list: [{ a: 2 }] }, g: { n: 3 } },
      form: { a: { b: true }, b: 'yes', list: ['p', 'q'], name: 'Ana', k: 'f' },
    };
    const cases: JsonLogic[] = [
      // The whole form read, then walked by item logic: its other fields must be there.
      { some: [{ merge: [{ var: 'form' }] }, { '==': [{ var: 'b' }, 'yes'] }] },
      { some: [{ merge: [{ var: 'case.f' }, { var: 'case.f.a' }] }, { '==': [{ var: 'b' }, 'x'] }] },
      { '==': [{ var: 'form.list.length' }, 2] },
      { '==': [{ var: 'form.name.length' }, 3] },
      { '==': [{ var: 'form.list.1' }, 'q'] },
      { '==': [{ var: 1 }, null] },
      { '==': [{ var: ['case.g.n', { var: 'form.b' }] }, 3] },
      { '==': [{ var: ['case.g.missing', { var: 'form.b' }] }, 'yes'] },
      { '==': [{ var: { cat: ['case.', { var: 'form.k' }, '.a'] } }, 1] },
      { '!': { missing: [['case.f.a', 'form.b']] } },
      { '!': { missing: { merge: ['case.f.a', 'form.zz'] } } },
      { '!': { missing_some: [1, ['form.zz', 'case.g.n']] } },
      {
        '==': [
          {
            reduce: [
              { var: 'case.f.list' },
              { '+': [{ var: 'accumulator' }, { var: 'current.a' }] },
              { var: 'case.g.n' },
            ],
          },
          5,
        ],
      },
      { all: [{ var: 'form.list' }, { in: [{ var: '' }, ['p', 'q']] }] },
      { '==': [{ var: '' }, null] },
      { in: ['Ana', { merge: [{ var: 'form.name' }] }] },
    ];
    for (const l of cases) {
      const expected = evaluateGuard(l, scope);
      expect(prepareGuard(l)(scope), JSON.stringify(l)).toBe(expected);
    }
    expect(cases.map((l) => evaluateGuard(l, scope))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      true,
      true,
      true,
      false,
      true,
    ]);
  });

  it('keep deciding as prepared when the logic object is changed afterwards', () => {
    const logic = { '==': [{ var: 'form.decision' }, 'return'] } as { '==': unknown[] };
    const guard = prepareGuard(logic as JsonLogic);
    logic['=='][0] = { var: 'form.constructor' };
    expect(guard({ case: {}, form: { decision: 'return' } })).toBe(true);
  });

  it('are false for guards evaluateGuard refuses to run', () => {
    expect(prepareGuard({ log: 'x' } as JsonLogic)({ case: {}, form: {} })).toBe(false);
    expect(prepareGuard({ '!!': { var: 'case.__proto__' } })({ case: {}, form: {} })).toBe(false);
  });
});
