import { describe, expect, it } from 'vitest';
import { verifyForm, verifyProtocol, type FieldSchema, type FormDefinition } from '../src/index.js';
import { consentForm, goodProtocol, t } from './verifyFixture.js';

const form = (
  properties: Record<string, FieldSchema>,
  extra: Partial<FormDefinition> = {},
): FormDefinition => ({
  ...consentForm(),
  schema: { type: 'object', properties },
  examples: [],
  ...extra,
});

describe('form schemas', () => {
  it('accepts a well-formed form', () => {
    expect(verifyForm(consentForm())).toEqual([]);
  });

  it('reports a schema JSON Schema cannot compile', () => {
    const problems = verifyForm(
      form({ age: { type: 'integer', minimum: 'zero' as unknown as number, 'x-label': t('Age') } }),
    );
    expect(problems.map((x) => [x.code, x.location.pointer])).toEqual([['form-schema-invalid', '/schema']]);
    expect(problems[0]?.message).toContain('minimum');
  });

  it('reports an unknown format as a schema error', () => {
    const problems = verifyForm(form({ born: { type: 'string', format: 'dat', 'x-label': t('Born') } }));
    expect(problems[0]?.code).toBe('form-schema-invalid');
  });

  it('reports fields without a label in both languages, nested ones included', () => {
    const problems = verifyForm(
      form({
        name: { type: 'string', 'x-label': { es: 'Nombre', en: '' } },
        address: { type: 'object', 'x-label': t('Address'), properties: { city: { type: 'string' } } },
      }),
    );
    expect(problems.map((x) => [x.code, x.location.pointer, x.location.field])).toEqual([
      ['field-without-label', '/schema/properties/name/x-label', 'name'],
      ['field-without-label', '/schema/properties/address/properties/city/x-label', 'address.city'],
    ]);
    expect(problems[0]?.message).toContain('English');
  });

  it('reports choices whose labels are missing or do not match one to one', () => {
    const problems = verifyForm(
      form({
        sex: {
          type: 'string',
          enum: ['f', 'm', 'x'],
          'x-label': t('Sex'),
          'x-enumLabels': [t('Female'), t('Male')],
        },
        exploitation: { type: 'string', enum: ['labour', 'sexual'], 'x-label': t('Exploitation') },
        needs: {
          type: 'array',
          'x-label': t('Needs'),
          items: {
            type: 'string',
            enum: ['health', 'shelter'],
            'x-enumLabels': [t('Health'), { es: 'Albergue', en: '' }],
          },
        },
      }),
    );
    expect(problems.map((x) => [x.code, x.location.pointer])).toEqual([
      ['enum-labels-mismatch', '/schema/properties/sex/x-enumLabels'],
      ['enum-without-labels', '/schema/properties/exploitation/enum'],
      ['enum-labels-mismatch', '/schema/properties/needs/items/x-enumLabels/1'],
    ]);
    expect(problems[0]?.message).toContain('3 choices but 2');
  });

  it('reports a required field that is not defined', () => {
    const problems = verifyForm(
      form(
        { name: { type: 'string', 'x-label': t('Name') } },
        {
          schema: {
            type: 'object',
            required: ['name', 'nmae'],
            properties: { name: { type: 'string', 'x-label': t('Name') } },
          },
        },
      ),
    );
    expect(problems.map((x) => [x.code, x.location.pointer, x.location.field])).toEqual([
      ['required-field-missing', '/schema/required/1', 'nmae'],
    ]);
  });

  it('reports sample submissions the form rejects', () => {
    const problems = verifyForm({
      ...consentForm(),
      examples: [
        { given: true, language: 'es' },
        { given: 'yes', language: 'es' },
      ],
    });
    expect(problems.map((x) => [x.code, x.location.pointer, x.location.field])).toEqual([
      ['example-invalid', '/examples/1/given', 'given'],
    ]);
  });

  it('reports problems of forms embedded in a protocol at their place in the protocol', () => {
    const p = goodProtocol();
    p.forms.risk!.schema.properties!.level!['x-enumLabels'] = [t('Low')];
    const problem = verifyProtocol(p).find((x) => x.code === 'enum-labels-mismatch');
    expect(problem?.location).toEqual({
      pointer: '/forms/risk/schema/properties/level/x-enumLabels',
      form: 'risk',
      field: 'level',
    });
  });

  it('does not check again a form already verified from its own file', () => {
    const p = goodProtocol();
    p.forms.risk!.schema.properties!.level!['x-enumLabels'] = [t('Low')];
    expect(verifyProtocol(p, { verifiedForms: { risk: p.forms.risk! } })).toEqual([]);
  });
});
