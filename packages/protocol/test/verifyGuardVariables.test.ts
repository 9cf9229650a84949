import { describe, expect, it } from 'vitest';
import { verifyProtocol } from '../src/index.js';
import { goodProtocol, t } from './verifyFixture.js';

describe('the data guards read', () => {
  it('reports form.X when X is not a field of the form the transition records', () => {
    const p = goodProtocol();
    p.guards.lowRisk!.logic = { '==': [{ var: 'form.levl' }, 'low'] };
    const problem = verifyProtocol(p).find((x) => x.code === 'unknown-guard-field');
    expect(problem?.location).toEqual({
      pointer: '/guards/lowRisk/logic',
      state: 'assessment',
      form: 'risk',
      field: 'levl',
    });
    expect(problem?.hint).toContain('level');
  });

  it('reports case.<form>.X when the form has no such field, or the form does not exist', () => {
    const p = goodProtocol();
    p.guards.lowRisk!.logic = {
      and: [
        { '==': [{ var: 'form.level' }, 'low'] },
        { var: 'case.consent.givn' },
        { '==': [{ var: ['case.passport.number', ''] }, ''] },
      ],
    };
    const problems = verifyProtocol(p).filter((x) => x.code === 'unknown-guard-field');
    expect(problems.map((x) => x.location)).toEqual([
      { pointer: '/guards/lowRisk/logic', form: 'consent', field: 'givn' },
      { pointer: '/guards/lowRisk/logic', form: 'passport' },
    ]);
  });

  it('accepts fields of recorded forms, nested fields and fields added by a condition', () => {
    const p = goodProtocol();
    p.forms.risk!.schema.properties!.family = {
      type: 'object',
      'x-label': t('Family'),
      properties: { traced: { type: 'boolean', 'x-label': t('Traced') } },
    };
    p.forms.risk!.schema.then = { properties: { reason: { type: 'string', 'x-label': t('Reason') } } };
    p.forms.risk!.schema.if = { properties: { level: { const: 'high' } } };
    p.guards.lowRisk!.logic = {
      and: [
        { '==': [{ var: 'form.level' }, 'low'] },
        { var: 'form.family.traced' },
        { '!': { var: 'form.reason' } },
        { var: 'case.consent.given' },
      ],
    };
    expect(verifyProtocol(p)).toEqual([]);
  });

  it('reads the fields of each item of a list, written with an index or inside some/all', () => {
    const p = goodProtocol();
    p.forms.risk!.schema.properties!.relatives = {
      type: 'array',
      'x-label': t('Relatives'),
      items: { type: 'object', properties: { relation: { type: 'string', 'x-label': t('Relation') } } },
    };
    p.guards.lowRisk!.logic = {
      and: [
        { '==': [{ var: 'form.level' }, 'low'] },
        { some: [{ var: 'form.relatives' }, { '==': [{ var: 'relation' }, 'mother'] }] },
        { '==': [{ var: 'form.relatives.0.relation' }, 'mother'] },
        { '>': [{ var: 'form.relatives.length' }, 0] },
      ],
    };
    expect(verifyProtocol(p)).toEqual([]);
    p.guards.lowRisk!.logic = { some: [{ var: 'form.relatives' }, { '==': [{ var: 'relaton' }, 'mother'] }] };
    expect(verifyProtocol(p).find((x) => x.code === 'unknown-guard-field')?.location.field).toBe(
      'relatives[].relaton',
    );
  });

  it('reports a variable that is neither form. nor case.', () => {
    const p = goodProtocol();
    p.guards.lowRisk!.logic = { '==': [{ var: 'level' }, 'low'] };
    const problem = verifyProtocol(p).find((x) => x.code === 'unknown-guard-variable');
    expect(problem?.location).toEqual({ pointer: '/guards/lowRisk/logic' });
    expect(problem?.hint).toContain('"form."');
  });

  it('reports form.X read on a transition that records no form', () => {
    const p = goodProtocol();
    p.machine.states.travel!.on = { ARRIVED: { target: 'closure', guard: 'lowRisk' } };
    const problem = verifyProtocol(p).find((x) => x.code === 'guard-reads-no-form');
    expect(problem?.location).toEqual({
      pointer: '/machine/states/travel/on/ARRIVED/guard',
      state: 'travel',
    });
    expect(problem?.hint).toContain('case.<form id>.level');
  });
});
