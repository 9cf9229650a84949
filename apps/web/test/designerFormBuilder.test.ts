import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import validator from '@rjsf/validator-ajv8';
import { retrieveSchema } from '@rjsf/utils';
import type { RJSFSchema } from '@rjsf/utils';
import type { FieldSchema } from '@ruta/protocol';
import {
  addField,
  addForm,
  moveField,
  removeField,
  setFieldConditions,
  updateField,
} from '../src/designer/model/formEdits.js';
import { findField, readFields } from '../src/designer/model/readFields.js';
import { voluntaryReturnFixture as doc } from '../src/designer/fixtures/voluntaryReturnFixture.js';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const valid = (schema: FieldSchema, data: unknown) => ajv.validate(schema, data);
/** The fields rjsf would render for this data (it resolves if/then against the data). */
const shown = (schema: FieldSchema, data: Record<string, unknown>) =>
  Object.keys(retrieveSchema(validator, schema as RJSFSchema, schema as RJSFSchema, data).properties ?? {});

describe('the form builder', () => {
  it('adds every kind of field with its label, as JSON Schema rjsf renders', () => {
    const made = addForm(doc, { title: { es: 'Verificación DINAF', en: 'DINAF check' } });
    const id = made.id;
    let d = made.doc;
    const kinds = [
      'shortText',
      'longText',
      'number',
      'date',
      'yesNo',
      'singleChoice',
      'multipleChoice',
      'group',
      'section',
    ] as const;
    for (const kind of kinds)
      d = addField(d, id, '', { kind, label: { es: `Campo ${kind}`, en: `Field ${kind}` } }).doc;
    const fields = readFields(d.forms[id]!);
    expect(fields.map((f) => f.kind)).toEqual(kinds);
    expect(fields[0]!.schema['x-label']).toEqual({ es: 'Campo shortText', en: 'Field shortText' });
    expect(d.forms[id]!.schema.properties!.campoDate).toMatchObject({ type: 'string', format: 'date' });
    expect(valid(d.forms[id]!.schema, { campoDate: '2026-02-30x' })).toBe(false);
    expect(
      valid(d.forms[id]!.schema, {
        campoSinglechoice: 'a',
        campoMultiplechoice: ['a', 'b'],
        campoGroup: [{}],
      }),
    ).toBe(true);
  });

  it('adds fields inside a section and a repeating group', () => {
    let d = addField(doc, 'travel', 'escorts', {
      kind: 'shortText',
      label: { es: 'Teléfono', en: 'Phone' },
    }).doc;
    expect(d.forms.travel!.schema.properties!.escorts!.items!.properties!.telefono).toBeDefined();
    const s = addField(d, 'travel', '', { kind: 'section', label: { es: 'Ruta', en: 'Route' } });
    d = addField(s.doc, 'travel', s.path, { kind: 'shortText', label: { es: 'Frontera', en: 'Border' } }).doc;
    expect(findField(d.forms.travel!, 'ruta.frontera')?.kind).toBe('shortText');
  });

  it('makes a field required, and optional again', () => {
    let d = updateField(doc, 'riskAssessment', 'notes', { required: true }).doc;
    expect(valid(d.forms.riskAssessment!.schema, { level: 'low' })).toBe(false);
    d = updateField(d, 'riskAssessment', 'notes', { required: false }).doc;
    expect(valid(d.forms.riskAssessment!.schema, { level: 'low' })).toBe(true);
  });

  it('shows a field only when another has a value, and requires it then', () => {
    let d = updateField(doc, 'consent', 'otherLanguage', { required: true }).doc;
    d = setFieldConditions(d, 'consent', 'otherLanguage', {
      visibleWhen: { field: 'language', values: ['other'] },
    });
    const schema = d.forms.consent!.schema;
    expect(shown(schema, { language: 'es' })).not.toContain('otherLanguage');
    expect(shown(schema, { language: 'other' })).toContain('otherLanguage');
    expect(valid(schema, { language: 'other', agrees: true })).toBe(false);
    expect(valid(schema, { language: 'es', agrees: true })).toBe(true);
    const field = findField(d.forms.consent!, 'otherLanguage')!;
    expect(field.visibleWhen).toEqual({ field: 'language', values: ['other'] });
    expect(field.required).toBe(true);
    // The builder keeps the place of the field in the form.
    expect(readFields(d.forms.consent!).map((f) => f.key)).toEqual([
      'language',
      'otherLanguage',
      'agrees',
      'fullName',
    ]);
    // And back to always shown, still required.
    d = setFieldConditions(d, 'consent', 'otherLanguage', { visibleWhen: null });
    expect(d.forms.consent!.schema.required).toContain('otherLanguage');
  });

  it('requires a field only when another has a value', () => {
    const d = setFieldConditions(doc, 'riskAssessment', 'notes', {
      requiredWhen: { field: 'level', values: ['high'] },
    });
    const schema = d.forms.riskAssessment!.schema;
    expect(valid(schema, { level: 'high' })).toBe(false);
    expect(valid(schema, { level: 'high', notes: 'x' })).toBe(true);
    expect(valid(schema, { level: 'low' })).toBe(true);
    expect(findField(d.forms.riskAssessment!, 'notes')!.requiredWhen).toEqual({
      field: 'level',
      values: ['high'],
    });
  });

  it('reads the conditional requirement the shipped form already has', () => {
    expect(findField(doc.forms.consent!, 'otherLanguage')!.requiredWhen).toEqual({
      field: 'language',
      values: ['other'],
    });
  });

  it('reorders fields', () => {
    const d = moveField(doc, 'riskAssessment', 'notes', 0);
    expect(readFields(d.forms.riskAssessment!).map((f) => f.key)).toEqual(['notes', 'level', 'threats']);
  });

  it('removing a field frees the fields that depended on it', () => {
    let d = setFieldConditions(doc, 'consent', 'fullName', {
      visibleWhen: { field: 'agrees', values: [true] },
    });
    d = removeField(d, 'consent', 'agrees');
    const schema = d.forms.consent!.schema;
    expect(schema.properties!.agrees).toBeUndefined();
    expect(schema.required).toEqual(['language']);
    expect(findField(d.forms.consent!, 'fullName')!.visibleWhen).toBeUndefined();
    expect(shown(schema, {})).toContain('fullName');
  });

  it('renames a field key everywhere the form mentions it', () => {
    const d = updateField(doc, 'consent', 'language', { key: 'idioma' }).doc;
    const schema = d.forms.consent!.schema;
    expect(schema.required).toEqual(['idioma', 'agrees']);
    expect(schema.allOf![0]!.if).toEqual({
      properties: { idioma: { const: 'other' } },
      required: ['idioma'],
    });
    expect(readFields(d.forms.consent!)[0]!.key).toBe('idioma');
  });

  it('changes choices and keeps labels paired with values', () => {
    const d = updateField(doc, 'riskAssessment', 'level', {
      options: [
        { value: 'low', label: { es: 'Bajo', en: 'Low' } },
        { value: 'extreme', label: { es: 'Extremo', en: 'Extreme' } },
      ],
    }).doc;
    const level = d.forms.riskAssessment!.schema.properties!.level!;
    expect(level.enum).toEqual(['low', 'extreme']);
    expect(level['x-enumLabels']).toEqual([
      { es: 'Bajo', en: 'Low' },
      { es: 'Extremo', en: 'Extreme' },
    ]);
    expect(() => updateField(doc, 'riskAssessment', 'level', { options: [] })).toThrow(/choices-empty/);
  });

  it('marks sensitive and shareable data', () => {
    const d = updateField(doc, 'riskAssessment', 'notes', { sensitive: true, shareable: false }).doc;
    expect(d.forms.riskAssessment!.schema.properties!.notes!['x-sensitive']).toBe(true);
    expect(d.forms.riskAssessment!.schema.properties!.notes!['x-shareable']).toBeUndefined();
  });

  it('marks a date as the date of something that happened, and keeps the mark through other edits', () => {
    const made = addForm(doc, { title: { es: 'Visita', en: 'Visit' } });
    let d = addField(made.doc, made.id, '', {
      kind: 'date',
      label: { es: 'Fecha de la visita', en: 'Visit date' },
    }).doc;
    const key = Object.keys(d.forms[made.id]!.schema.properties!)[0]!;
    d = updateField(d, made.id, key, { past: true }).doc;
    expect(d.forms[made.id]!.schema.properties![key]!['x-past']).toBe(true);
    d = updateField(d, made.id, key, {
      label: { es: 'Día de la visita', en: 'Day of the visit' },
      kind: 'date',
    }).doc;
    expect(d.forms[made.id]!.schema.properties![key]!['x-past']).toBe(true);
    d = updateField(d, made.id, key, { past: false }).doc;
    expect(d.forms[made.id]!.schema.properties![key]!['x-past']).toBeUndefined();
  });

  it('refuses conditions on a field that is not a sibling, or on the field itself', () => {
    expect(() =>
      setFieldConditions(doc, 'consent', 'agrees', { visibleWhen: { field: 'agrees', values: [true] } }),
    ).toThrow(/condition-on-itself/);
    expect(() =>
      setFieldConditions(doc, 'consent', 'agrees', { visibleWhen: { field: 'level', values: ['x'] } }),
    ).toThrow(/condition-field-not-sibling/);
  });
});

describe('the form builder on the shipped forms', () => {
  it('reads a requirement that depends on one of several choices, and removing the field cleans it', async () => {
    const { shipped } = await import('./designerShipped.js');
    const doc = shipped('voluntary-return@1');
    const form = doc.forms['vr-risk-assessment']!;
    expect(findField(form, 'mitigationMeasures')!.requiredWhen).toEqual({
      field: 'riskLevel',
      values: ['medium', 'high'],
    });
    const next = removeField(doc, 'vr-risk-assessment', 'mitigationMeasures');
    // Only the rule about mitigation measures goes; the re-confirmation of consent stays.
    expect(next.forms['vr-risk-assessment']!.schema.allOf).toEqual(
      form.schema.allOf!.filter((rule) => !JSON.stringify(rule).includes('mitigationMeasures')),
    );
    expect(next.forms['vr-risk-assessment']!.schema.allOf).toHaveLength(1);
    expect(JSON.stringify(next.forms['vr-risk-assessment'])).not.toContain('mitigationMeasures');
  });

  it('shows a conditional field of a closed shipped form in the renderer, and the server still accepts it', async () => {
    const { shipped } = await import('./designerShipped.js');
    const { localizeForm, createFormValidator } = await import('@ruta/protocol');
    const base = shipped('voluntary-return@1');
    const d = setFieldConditions(base, 'vr-consent', 'interpreterIndependent', {
      visibleWhen: { field: 'interpreterUsed', values: [true] },
    });
    const form = d.forms['vr-consent']!;
    const rendered = localizeForm(form, 'es').schema as FieldSchema;
    expect(shown(rendered, { interpreterUsed: true })).toContain('interpreterIndependent');
    expect(shown(rendered, { interpreterUsed: false })).not.toContain('interpreterIndependent');
    const check = createFormValidator(form);
    const sample = {
      ...base.forms['vr-consent']!.examples![0]!,
      interpreterUsed: true,
      interpreterIndependent: true,
    };
    expect(check(sample)).toEqual({ ok: true });
    expect(check({ ...sample, somethingElse: 1 }).ok).toBe(false);
  });

  it('makes a field required when another has any of several values', () => {
    const d = setFieldConditions(doc, 'riskAssessment', 'notes', {
      requiredWhen: { field: 'level', values: ['medium', 'high'] },
    });
    const schema = d.forms.riskAssessment!.schema;
    expect(valid(schema, { level: 'medium' })).toBe(false);
    expect(valid(schema, { level: 'high', notes: 'x' })).toBe(true);
    expect(valid(schema, { level: 'low' })).toBe(true);
  });

  it('keeps sample submissions valid when a field is removed or renamed', () => {
    let d = removeField(doc, 'consent', 'fullName');
    expect(d.forms.consent!.examples!.every((e) => !('fullName' in e))).toBe(true);
    d = updateField(d, 'consent', 'agrees', { key: 'acepta' }).doc;
    expect(d.forms.consent!.examples![0]).toEqual({ language: 'es', acepta: true });
  });
});
