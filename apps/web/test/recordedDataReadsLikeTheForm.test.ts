// "Datos registrados" reads like the form that recorded it: fields in the form's order (not the
// alphabetical order a database may return), and a list of checkboxes left empty says "ninguno"
// rather than showing a blank.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { RecordedData } from '../src/case/RecordedData.js';
import { formOrder } from '../src/forms/formOrder.js';
import { childForm, childForms } from '../src/fixtures/childRepatriation.js';
import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';

const i18n = i18next.createInstance();
const sortedKeys = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

function render(data: Record<string, unknown>, lang: 'es' | 'en' = 'es'): Promise<string> {
  return i18n
    .changeLanguage(lang)
    .then(() =>
      renderToStaticMarkup(
        createElement(
          I18nextProvider,
          { i18n },
          createElement(RecordedData, { data, forms: childForms, reveal: async () => '' }),
        ),
      ),
    );
}

const labels = (html: string) => [...html.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1]);

describe('recorded data', () => {
  beforeAll(async () => {
    await i18n.init({
      resources: { es: { translation: es }, en: { translation: en } },
      lng: 'es',
      showSupportNotice: false,
    });
  });

  it("lists a form's answers in the form's order, whatever order they were stored in", async () => {
    const detection = sortedKeys({ ...childForm('cr-detection').examples![0] });
    const html = await render({ 'cr-detection': detection });
    expect(labels(html).slice(0, 4)).toEqual([
      'Fecha y hora de la detección',
      'Lugar (municipio y departamento o estado)',
      'Quién detectó',
      'Nombre con el que se identifica',
    ]);
  });

  it('follows ui:order, "*" standing for the fields it does not name', () => {
    const schema = { properties: { a: {}, b: {}, c: {}, d: {} } };
    expect(formOrder(['d', 'c', 'b', 'a'], schema, { 'ui:order': ['c', '*', 'a'] })).toEqual([
      'c',
      'b',
      'd',
      'a',
    ]);
    expect(formOrder(['z', 'b', 'a'], schema, {})).toEqual(['a', 'b', 'z']);
  });

  it('says "ninguno" / "none" for a list of checkboxes left empty', async () => {
    const visit = { ...childForm('cr-follow-up').examples![0], warningSigns: [] };
    expect(await render({ 'cr-follow-up': visit })).toContain('<dt>Señales de alerta</dt><dd>ninguno</dd>');
    expect(await render({ 'cr-follow-up': visit }, 'en')).toMatch(/<dt>[^<]*<\/dt><dd>none<\/dd>/);
  });
});
