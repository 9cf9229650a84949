// Every action is listed; an unavailable one says why, and only reasons the worker cannot fix by
// filling in the form (role, country, closed case) make it unavailable.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AvailableAction } from '@ruta/engine';
import { ActionBar } from '../src/case/ActionBar.js';
import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';

const i18n = i18next.createInstance();

function render(actions: AvailableAction[], lang: 'es' | 'en' = 'es'): string {
  void i18n.changeLanguage(lang);
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(ActionBar, { actions, label: 'Acciones', onAct: () => {} }),
    ),
  );
}

const title = { es: 'Registrar decisión', en: 'Record decision' };

describe('action reasons', () => {
  beforeAll(async () => {
    await i18n.init({
      resources: { es: { translation: es }, en: { translation: en } },
      lng: 'es',
      showSupportNotice: false,
    });
  });

  it('keeps an action usable when only the form stands in the way, and says what it needs', () => {
    const html = render([
      {
        event: 'DECIDE',
        title,
        form: 'cr-decision',
        ok: false,
        reasons: [
          {
            code: 'guard-failed',
            message: 'x',
            guard: 'decideReturn',
            description: { es: 'Retorno: riesgo no alto.', en: 'Return: risk not high.' },
            condition: true,
          },
          {
            code: 'guard-failed',
            message: 'x',
            guard: 'decideStay',
            description: { es: 'Permanencia.', en: 'Stay.' },
            condition: true,
          },
        ],
      },
    ]);
    expect(html).not.toContain('aria-disabled');
    expect(html).toContain('Antes hace falta:');
    expect(html).toContain('que se cumpla una de estas condiciones:');
    expect(html).toContain('<li>Retorno: riesgo no alto.</li>');
    expect(html).toContain('<li>Permanencia.</li>');
  });

  it('makes an action unavailable, but still reachable, when the role may not take it', () => {
    const html = render(
      [
        {
          event: 'WITHDRAW_CONSENT',
          title,
          form: 'cr-objection',
          ok: false,
          reasons: [
            {
              code: 'role-not-allowed',
              message: 'x',
              role: 'caseworker',
              allowed: ['supervisor', 'focalpoint'],
            },
          ],
        },
      ],
      'en',
    );
    expect(html).toMatch(
      /<button type="button" class="btn btn-blocked" aria-disabled="true" aria-describedby="reasons-WITHDRAW_CONSENT">/,
    );
    expect(html).toContain('Unavailable:');
    expect(html).toContain('only these can do it: Supervision, Focal point');
  });

  it('shows an available action as a plain button with no reasons', () => {
    const html = render([{ event: 'DETECT', title, ok: true, reasons: [] }]);
    expect(html).toContain('<button type="button" class="btn btn-primary">Registrar decisión</button>');
    expect(html).not.toContain('reasons');
  });
});
