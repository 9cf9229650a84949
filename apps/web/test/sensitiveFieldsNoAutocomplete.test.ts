// A step form never offers the browser's remembered answers: a shared computer would show one
// victim's name or address to the worker typing the next case. Sensitive fields say so on the
// field itself; the whole form turns it off.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { StepForm } from '../src/forms/StepForm.js';
import { childForm } from '../src/fixtures/childRepatriation.js';
import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';

const i18n = i18next.createInstance();

describe('autocomplete in step forms', () => {
  beforeAll(async () => {
    await i18n.init({
      resources: { es: { translation: es }, en: { translation: en } },
      lng: 'es',
      showSupportNotice: false,
    });
  });

  it('is off for the form and on each sensitive input', () => {
    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(StepForm, {
          form: childForm('cr-detection'),
          formData: {},
          onChange: () => {},
          idPrefix: 'f0',
        }),
      ),
    );
    expect(html).toMatch(/<form [^>]*autoComplete="off"/i);
    const childName = html.match(/<input [^>]*id="f0_childName"[^>]*>/)?.[0] ?? '';
    expect(childName).toMatch(/autoComplete="off"/i);
  });
});
