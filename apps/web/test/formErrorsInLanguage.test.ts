// A form submitted with missing or wrong answers says what is wrong in the worker's language,
// naming the field by its label, with the verdicts the server's validator gives.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { localizeForm, type FormDefinition, type Lang } from '@ruta/protocol';
import { submissionCheck } from '../src/forms/validateSubmission.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RJSFSchema } from '@rjsf/utils';
import { es } from '../src/i18n/es.js';
import { en } from '../src/i18n/en.js';
import { localizeErrors } from '../src/forms/localizeErrors.js';
import { protocolValidator } from '../src/forms/protocolValidator.js';
import { REPO_ROOT } from './helpers/paths.js';

const form = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'forms/child-repatriation/cr-detection.json'), 'utf8'),
) as FormDefinition;

function errorsIn(lang: Lang, data: unknown) {
  const t = i18next.getFixedT(lang);
  const { schema } = localizeForm(form, lang);
  const validator = protocolValidator(submissionCheck(form));
  return validator.validateFormData(data, schema as RJSFSchema, undefined, (errs) => localizeErrors(errs, t))
    .errors;
}

describe('form errors in the worker language', () => {
  beforeAll(async () => {
    await i18next.init({ resources: { es: { translation: es }, en: { translation: en } }, lng: 'es' });
  });

  it('names every missing required field by its label, in Spanish and in English', () => {
    const esErrors = errorsIn('es', {});
    const place = esErrors.find((e) => e.property === '.detectionPlace');
    expect(place?.message).toBe('Este campo es obligatorio.');
    expect(place?.stack).toBe('Lugar (municipio y departamento o estado): Este campo es obligatorio.');
    const enPlace = errorsIn('en', {}).find((e) => e.property === '.detectionPlace');
    expect(enPlace?.stack).toBe('Place (municipality and department or state): This field is required.');
    expect(esErrors.map((e) => e.property)).toEqual(
      expect.arrayContaining(['.detectedAt', '.detectedBy', '.sex', '.screeningResult']),
    );
  });

  it('states the limit a too-long answer breaks', () => {
    const errors = errorsIn('es', { ...form.examples![0], detectionPlace: 'x'.repeat(201) });
    expect(errors.map((e) => e.stack)).toContain(
      'Lugar (municipio y departamento o estado): Escriba como máximo 200 caracteres.',
    );
  });

  it('accepts the form’s own examples, as the server does', () => {
    for (const example of form.examples ?? []) expect(errorsIn('es', example)).toEqual([]);
  });

  it('refuses a field the form does not have, as the server does', () => {
    const errors = errorsIn('en', { ...form.examples![0], smuggled: 'x' });
    expect(errors.map((e) => e.name)).toContain('additionalProperties');
  });
});
