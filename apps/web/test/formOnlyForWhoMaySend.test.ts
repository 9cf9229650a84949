// A step whose form the worker's role may not send (the 24-hour alert, for a case worker) says so
// before the form, and does not offer the form to fill in only to refuse it at the end; someone
// who may send it gets the form.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AvailableAction } from '@ruta/engine';
import { StepPanel } from '../src/case/StepPanel.js';
import { childForm } from '../src/fixtures/childRepatriation.js';
import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';

const i18n = i18next.createInstance();

const alertSent = (ok: boolean): AvailableAction => ({
  event: 'ALERT_SENT',
  title: { es: 'Registrar alerta enviada', en: 'Record alert sent' },
  form: 'cr-alert',
  ok,
  reasons: ok
    ? []
    : [
        {
          code: 'role-not-allowed',
          message: 'caseworker may not',
          role: 'caseworker',
          allowed: ['focalpoint', 'supervisor'],
        },
      ],
});

function render(action: AvailableAction): string {
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(StepPanel, {
        index: 0,
        state: {
          path: 'identification.protection.alert.pending',
          title: { es: 'Alertar al país de origen', en: 'Alert the country of origin' },
          form: 'cr-alert',
          legal: [],
        },
        form: childForm('cr-alert'),
        actions: [action],
        formData: {},
        onFormChange: () => {},
        busy: null,
        onAct: () => {},
      }),
    ),
  );
}

describe('a step form the role may not send', () => {
  beforeAll(async () => {
    await i18n.init({
      resources: { es: { translation: es }, en: { translation: en } },
      lng: 'es',
      showSupportNotice: false,
    });
  });

  it('says who records the step, before and instead of the form', () => {
    const html = render(alertSent(false));
    expect(html).toContain('Este paso lo registra: Punto focal, Supervisión.');
    expect(html).not.toContain('step-form');
    expect(html.indexOf('step-barred')).toBeLessThan(html.indexOf('action-bar'));
  });

  it('offers the form to someone who may send it', () => {
    const html = render(alertSent(true));
    expect(html).toContain('class="step-form"');
    expect(html).not.toContain('step-barred');
  });
});
