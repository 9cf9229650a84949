import { describe, expect, it } from 'vitest';
import { guardVariables } from '../src/index.js';

describe('guardVariables', () => {
  it('lists each path a guard reads once, in order of use', () => {
    expect(
      guardVariables({
        and: [
          { var: 'form.isMinor' },
          { '>': [{ var: ['case.screening.age', 0] }, 12] },
          { '==': [{ var: 'form.isMinor' }, true] },
        ],
      }),
    ).toEqual(['form.isMinor', 'case.screening.age']);
  });

  it('includes the keys named by missing and missing_some', () => {
    expect(guardVariables({ missing: ['form.a', 'form.b'] })).toEqual(['form.a', 'form.b']);
    expect(guardVariables({ missing_some: [1, ['form.c', 'form.d']] })).toEqual(['form.c', 'form.d']);
    expect(guardVariables({ '!': { missing: 'form.e' } })).toEqual(['form.e']);
  });

  it('names paths read for each item of a list as <list>[].<path>', () => {
    expect(
      guardVariables({ some: [{ var: 'form.relatives' }, { '==': [{ var: 'relation' }, 'mother'] }] }),
    ).toEqual(['form.relatives', 'form.relatives[].relation']);
    expect(
      guardVariables({ all: [{ var: 'case.a.list' }, { some: [{ var: 'inner' }, { var: 'x' }] }] }),
    ).toEqual(['case.a.list', 'case.a.list[].inner', 'case.a.list[].inner[].x']);
    expect(
      guardVariables({
        reduce: [{ var: 'form.costs' }, { '+': [{ var: 'current.amount' }, { var: 'accumulator' }] }, 0],
      }),
    ).toEqual(['form.costs', 'form.costs[].amount']);
  });

  it('leaves out paths computed at run time, but lists what they are computed from', () => {
    expect(guardVariables({ var: { cat: ['form.', { var: 'case.which' }] } })).toEqual(['case.which']);
    expect(guardVariables(true)).toEqual([]);
    expect(guardVariables({ '==': [{ a: 1, b: { var: 'not.an.operation' } }, 1] })).toEqual([]);
  });
});
