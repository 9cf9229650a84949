import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateGuard, explainGuard, type JsonLogic } from '../src/index.js';

const scope = {
  case: { screening: { isMinor: true, victim: { age: 14 } } },
  form: { decision: 'return', relatives: [{ relation: 'mother' }] },
};

describe('evaluateGuard', () => {
  it('evaluates JSON Logic over the case and the submitted form', () => {
    expect(evaluateGuard({ '==': [{ var: 'form.decision' }, 'return'] }, scope)).toBe(true);
    expect(
      evaluateGuard(
        { and: [{ var: 'case.screening.isMinor' }, { '<': [{ var: 'case.screening.victim.age' }, 18] }] },
        scope,
      ),
    ).toBe(true);
    expect(
      evaluateGuard({ some: [{ var: 'form.relatives' }, { '==': [{ var: 'relation' }, 'father'] }] }, scope),
    ).toBe(false);
    expect(evaluateGuard(true, scope)).toBe(true);
  });

  it('reads JSON Logic truthiness: an empty list is false', () => {
    expect(evaluateGuard({ var: 'form.empty' }, { case: {}, form: { empty: [] } })).toBe(false);
    expect(evaluateGuard({ missing: ['form.decision'] }, scope)).toBe(false);
  });

  it('is false, with a reason, for guards it must not run', () => {
    expect(explainGuard({ log: 'x' } as JsonLogic, scope)).toMatchObject({
      result: false,
      error: expect.stringContaining('"log"'),
    });
    expect(explainGuard({ '==': [{ var: 'case.__proto__.polluted' }, null] }, scope)).toMatchObject({
      result: false,
      error: expect.stringContaining('__proto__'),
    });
    expect(explainGuard({ var: 'form.constructor' }, scope).result).toBe(false);
  });

  it('never reaches prototypes through the data', () => {
    expect(evaluateGuard({ '!!': { var: 'form.toString' } }, scope)).toBe(false);
    expect(evaluateGuard({ '!!': { var: 'case.screening.hasOwnProperty' } }, scope)).toBe(false);
  });

  it('names the paths that were empty when it is false', () => {
    const r = explainGuard(
      { and: [{ var: 'case.risk.level' }, { '==': [{ var: 'form.decision' }, 'return'] }] },
      scope,
    );
    expect(r).toEqual({ result: false, missing: ['case.risk.level'] });
  });

  it('never throws, whatever the guard and the data (property)', () => {
    const logic = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.record({ var: fc.constantFrom('form.a', 'case.b.c', 'form', '', 'x.0') }),
        fc.dictionary(
          fc.constantFrom(
            '==',
            '<',
            'and',
            'or',
            '!',
            'in',
            'cat',
            'some',
            'map',
            'reduce',
            'if',
            'merge',
            'substr',
            '+',
            '/',
            'missing',
            'log',
            'method',
          ),
          fc.array(tie('node'), { maxLength: 3 }),
          {
            minKeys: 1,
            maxKeys: 1,
          },
        ),
      ),
    })).node;
    fc.assert(
      fc.property(logic, fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (l, c, f) => {
        const caseData =
          typeof c === 'object' && c !== null && !Array.isArray(c) ? (c as Record<string, unknown>) : {};
        expect(typeof evaluateGuard(l as JsonLogic, { case: caseData, form: f })).toBe('boolean');
        expect(typeof explainGuard(l as JsonLogic, { case: caseData, form: f }).result).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
