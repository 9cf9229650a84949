// A new step form gives no answer the worker did not give: no yes/no question pre-answered, no
// attestation pre-ticked, no first choice picked.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '@ruta/protocol';
import { StepForm } from '../src/forms/StepForm.js';
import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';
import { REPO_ROOT } from './helpers/paths.js';

const i18n = i18next.createInstance();
const form = (id: string) =>
  JSON.parse(
    readFileSync(path.join(REPO_ROOT, `forms/child-repatriation/${id}.json`), 'utf8'),
  ) as FormDefinition;

function render(def: FormDefinition, formData: Record<string, unknown> = {}): string {
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(StepForm, { form: def, formData, onChange: () => {}, idPrefix: 'f0' }),
    ),
  );
}

describe('a new step form', () => {
  beforeAll(async () => {
    await i18n.init({
      resources: { es: { translation: es }, en: { translation: en } },
      lng: 'es',
      showSupportNotice: false,
    });
  });

  it('does not answer "Is the child in immediate danger?" for the worker', () => {
    const html = render(form('cr-detection'));
    expect(html).toContain('id="f0_immediateDanger-0"');
    expect(html).not.toMatch(/<input[^>]*checked/);
  });

  it('does not tick an attestation the worker must make', () => {
    const html = render(form('cr-coordination'));
    expect(html).toContain('id="f0_handoverPacketChecked-0"');
    expect(html).not.toMatch(/<input[^>]*checked/);
  });

  it('picks no choice in a list', () => {
    const html = render(form('cr-detection'));
    expect(html).toContain('<option value="" selected=""></option>');
    expect(html).not.toMatch(/<option value="[^"]+" selected/);
  });

  it('shows the answers once given', () => {
    const html = render(form('cr-detection'), { immediateDanger: true });
    expect(html).toMatch(/<input[^>]*id="f0_immediateDanger-0"[^>]*checked/);
  });
});
