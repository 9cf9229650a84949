import Form from '@rjsf/core';
import { getDefaultFormState } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  localizeForm,
  RJSF_DEFAULT_FORM_STATE_BEHAVIOR,
  type FormDefinition,
  type Lang,
} from '../src/index.js';
import { decisionForm, screeningForm } from './protocolFixture.js';

/** The form as react-jsonschema-form renders it on the server: what a case worker would see. */
function render(form: FormDefinition, lang: Lang, formData: unknown = {}): string {
  const { schema, uiSchema } = localizeForm(form, lang);
  return renderToStaticMarkup(
    createElement(Form, {
      schema: schema as never,
      uiSchema,
      validator,
      formData,
      experimental_defaultFormStateBehavior: RJSF_DEFAULT_FORM_STATE_BEHAVIOR,
    }),
  );
}

describe('localizeForm', () => {
  it('gives rjsf titles, help and choice labels in the language asked for', () => {
    const { schema } = localizeForm(screeningForm(), 'en');
    expect(schema.title).toBe('Screening');
    expect(schema.properties!.notes).toEqual({
      type: 'string',
      title: 'Notes',
      description: 'What was observed',
      maxLength: 2000,
    });
    expect(schema.properties!.victim!.properties!.nationality).toEqual({
      type: 'string',
      title: 'Nationality',
      oneOf: [
        { const: 'GT', title: 'Guatemala' },
        { const: 'HN', title: 'Honduras' },
        { const: 'SV', title: 'El Salvador' },
      ],
      maxLength: 2000,
    });
    expect(JSON.stringify(schema)).not.toContain('x-');
  });

  it('renders labels, help, choices and required marks with rjsf', () => {
    const html = render(screeningForm(), 'es');
    expect(html).toContain('<legend id="root__title">Detección</legend>');
    expect(html).toMatch(
      /<label class="control-label" for="root_victim_name">Nombre<span class="required">\*<\/span><\/label>/,
    );
    expect(html).toContain('<div id="root_notes__description" class="field-description">Lo observado</div>');
    expect(html).toMatch(/<option value="1">Honduras<\/option>/);
    expect(html).toContain('<textarea id="root_notes"');
    expect(render(screeningForm(), 'en')).toContain('>Name<span class="required">');
  });

  it('marks sensitive fields for the UI, keeping the classes the author gave', () => {
    const form = screeningForm();
    form.uiSchema = {
      ...form.uiSchema,
      victim: { health: { 'ui:classNames': 'wide', 'ui:options': { rows: 3 } } },
    };
    const { uiSchema } = localizeForm(form, 'es');
    expect(uiSchema.victim).toEqual({
      name: { 'ui:classNames': 'ruta-sensitive', 'ui:options': { sensitive: true } },
      health: { 'ui:classNames': 'wide ruta-sensitive', 'ui:options': { rows: 3, sensitive: true } },
    });
    expect(form.uiSchema.victim).toEqual({ health: { 'ui:classNames': 'wide', 'ui:options': { rows: 3 } } });
    const html = render(form, 'es');
    expect(html).toMatch(
      /class="form-group rjsf-field rjsf-field-string ruta-sensitive"><label class="control-label" for="root_victim_name">/,
    );
    expect(html).not.toMatch(/ruta-sensitive"><label class="control-label" for="root_victim_age">/);
  });

  it('shows a conditional field only when its condition holds', () => {
    expect(render(decisionForm(), 'en', { decision: 'stay' })).toContain('for="root_reason">Reason');
    expect(render(decisionForm(), 'en', { decision: 'return' })).not.toContain('root_reason');
  });

  it('starts a new form with no choice made for the case worker', () => {
    const { schema } = localizeForm(screeningForm(), 'es');
    const defaults = getDefaultFormState(
      validator,
      schema as never,
      {},
      undefined,
      false,
      RJSF_DEFAULT_FORM_STATE_BEHAVIOR,
    );
    expect(JSON.stringify(defaults)).not.toContain('GT');
    // Without the behaviour, rjsf would pick the first nationality on its own.
    expect(JSON.stringify(getDefaultFormState(validator, schema as never, {}))).toContain(
      '"nationality":"GT"',
    );
  });

  it('gives rjsf a schema its own validator accepts valid data with', () => {
    const { schema } = localizeForm(screeningForm(), 'en');
    const data = { isMinor: true, victim: { name: 'Ana', age: 14, nationality: 'HN' } };
    expect(validator.isValid(schema as never, data, schema as never)).toBe(true);
    expect(validator.isValid(schema as never, { ...data, notes: 'x'.repeat(2001) }, schema as never)).toBe(
      false,
    );
  });
});
