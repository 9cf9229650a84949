// Why a step was not recorded reads in the language the page is in now, also after the worker
// switches language with the reasons on screen; a refused decision's alternatives (return, stay,
// third country) read as "one of these", not as if all had to hold; and the form's error summary
// names each field in the new language, not the one the errors were first found in.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import i18next from 'i18next';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorListProps, RJSFValidationError } from '@rjsf/utils';
import type { Rejection } from '@ruta/engine';
import { localizeForm, type FormDefinition } from '@ruta/protocol';
import { StepRefusal, type Refusal } from '../src/case/StepRefusal.js';
import { FormErrorSummary } from '../src/forms/FormErrorSummary.js';
import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';
import { REPO_ROOT } from './helpers/paths.js';

const i18n = i18next.createInstance();
async function render(el: ReturnType<typeof createElement>, lang: 'es' | 'en'): Promise<string> {
  await i18n.changeLanguage(lang);
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, el));
}

const guard = (name: string, es: string, en: string): Rejection => ({
  code: 'guard-failed',
  message: `guard ${name} is false`,
  guard: name,
  description: { es, en },
  condition: true,
});

/** The three outcomes of a child's best-interest decision, none of which the answers meet. */
const decision: Refusal = {
  kind: 'rejections',
  rejections: [
    guard('decideReturn', 'Retorno: el riesgo no es alto.', 'Return: the risk is not high.'),
    guard('decideStay', 'Permanencia con regularización.', 'Stay with regularisation.'),
    guard('decideThird', 'Traslado a un tercer país.', 'Move to a third country.'),
  ],
};

describe('a refused step', () => {
  beforeAll(async () => {
    await i18n.init({
      resources: { es: { translation: es }, en: { translation: en } },
      lng: 'es',
      showSupportNotice: false,
    });
  });

  it('groups the alternatives of a decision as "one of these conditions"', async () => {
    const html = await render(createElement(StepRefusal, { refusal: decision }), 'es');
    expect(html).toBe(
      '<ul><li>que se cumpla una de estas condiciones:<ul>' +
        '<li>Retorno: el riesgo no es alto.</li><li>Permanencia con regularización.</li><li>Traslado a un tercer país.</li>' +
        '</ul></li></ul>',
    );
  });

  it('says the same reasons in English once the page is in English', async () => {
    const html = await render(createElement(StepRefusal, { refusal: decision }), 'en');
    expect(html).toContain('<li>Return: the risk is not high.</li>');
    expect(html).toContain(en.actions.oneOf);
    expect(html).not.toContain('Retorno');
    const ended = await render(
      createElement(StepRefusal, {
        refusal: { kind: 'sessionEnded', action: { es: 'Registrar tamizaje', en: 'Record screening' } },
      }),
      'en',
    );
    expect(ended).toContain('Your session ended before “Record screening” was recorded');
  });

  it("names the fields of the error summary in the page's language, whatever the errors carried", async () => {
    const form = JSON.parse(
      readFileSync(path.join(REPO_ROOT, 'forms/child-repatriation/cr-detection.json'), 'utf8'),
    ) as FormDefinition;
    // Checked while the page was in Spanish, shown once it is in English.
    const error: RJSFValidationError = {
      property: '.detectionPlace',
      name: 'required',
      title: 'Lugar (municipio y departamento o estado)',
      message: 'This field is required.',
      stack: 'Lugar (municipio y departamento o estado): This field is required.',
    };
    const props = {
      errors: [error],
      errorSchema: {},
      schema: localizeForm(form, 'en').schema,
      uiSchema: {},
      registry: { formContext: { idPrefix: 'f0' } },
    } as unknown as ErrorListProps;
    const html = await render(createElement(FormErrorSummary, props), 'en');
    expect(html).toContain('Place (municipality and department or state): This field is required.');
    expect(html).not.toContain('Lugar');
  });
});
