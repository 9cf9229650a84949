import { describe, expect, it } from 'vitest';
import { evaluateGuard } from '@ruta/protocol';
import type { RuleGroupType } from 'react-querybuilder';
import { fromJsonLogic, toJsonLogic, variablesOf } from '../src/designer/model/guardQuery.js';
import { guardFields } from '../src/designer/model/guardFields.js';
import { voluntaryReturnFixture as doc } from '../src/designer/fixtures/voluntaryReturnFixture.js';

const fields = guardFields(doc, { source: 'riskAssessment', event: 'riskAssessed', index: 0 });

describe('the guard builder', () => {
  it('lists the fields of the form sent with the step first, then every recorded form', () => {
    expect(fields.slice(0, 3).map((f) => f.name)).toEqual(['form.level', 'form.threats', 'form.notes']);
    expect(fields.map((f) => f.name)).toContain('case.consent.agrees');
    // Repeating groups are not offered; their sub-fields neither.
    expect(fields.map((f) => f.name)).not.toContain('case.travel.escorts');
    const level = fields.find((f) => f.name === 'form.level')!;
    expect(level.label.es).toBe('Este paso › Nivel de riesgo');
    expect(level.choices!.map((c) => c.value)).toEqual(['low', 'medium', 'high']);
  });

  it('exports and/or groups as JSON Logic with typed values, which evaluates as intended', () => {
    const query: RuleGroupType = {
      combinator: 'and',
      rules: [
        { field: 'case.consent.agrees', operator: '=', value: 'true' },
        {
          combinator: 'or',
          rules: [
            { field: 'form.level', operator: 'in', value: 'low, medium' },
            { field: 'form.threats', operator: '<', value: '1' },
          ],
        },
      ],
    };
    const logic = toJsonLogic(query, fields)!;
    expect(logic).toEqual({
      and: [
        { '==': [{ var: 'case.consent.agrees' }, true] },
        { or: [{ in: [{ var: 'form.level' }, ['low', 'medium']] }, { '<': [{ var: 'form.threats' }, 1] }] },
      ],
    });
    const run = (form: object, consent: object) => evaluateGuard(logic, { form, case: { consent } });
    expect(run({ level: 'high', threats: 0 }, { agrees: true })).toBe(true);
    expect(run({ level: 'high', threats: 2 }, { agrees: true })).toBe(false);
    expect(run({ level: 'low', threats: 2 }, { agrees: false })).toBe(false);
    expect(variablesOf(logic).sort()).toEqual(['case.consent.agrees', 'form.level', 'form.threats']);
  });

  it('negates a group ("not"), which evaluates as the opposite and reads back for editing', () => {
    const query: RuleGroupType = {
      combinator: 'and',
      rules: [
        { field: 'case.consent.agrees', operator: '=', value: 'true' },
        {
          combinator: 'or',
          not: true,
          rules: [
            { field: 'form.level', operator: '=', value: 'high' },
            { field: 'form.threats', operator: '>', value: '2' },
          ],
        },
      ],
    };
    const logic = toJsonLogic(query, fields)!;
    expect(logic).toEqual({
      and: [
        { '==': [{ var: 'case.consent.agrees' }, true] },
        { '!': { or: [{ '==': [{ var: 'form.level' }, 'high'] }, { '>': [{ var: 'form.threats' }, 2] }] } },
      ],
    });
    const run = (form: object) => evaluateGuard(logic, { form, case: { consent: { agrees: true } } });
    expect(run({ level: 'low', threats: 0 })).toBe(true);
    expect(run({ level: 'high', threats: 0 })).toBe(false);
    expect(run({ level: 'low', threats: 3 })).toBe(false);
    const back = fromJsonLogic(logic, fields);
    expect(back).not.toBeNull();
    expect(toJsonLogic(back!, fields)).toEqual(logic);
  });

  it('reads back the guards of the shipped protocol so they can be edited', () => {
    for (const guard of Object.values(doc.guards)) {
      const query = fromJsonLogic(guard.logic, fields);
      expect(query).not.toBeNull();
      expect(toJsonLogic(query!, fields)).toEqual(guard.logic);
    }
  });

  it('does not offer to edit logic it did not write, and an empty group is no guard', () => {
    expect(fromJsonLogic({ '+': [1, { var: 'form.threats' }] }, fields)).toBeNull();
    expect(toJsonLogic({ combinator: 'and', rules: [] }, fields)).toBeNull();
  });
});
