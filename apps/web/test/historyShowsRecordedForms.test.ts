// A form recorded twice (a second follow-up visit) does not hide the first: each step of the
// history opens to the answers it recorded, labelled as in the form, reserved ones still
// reserved; and "Datos registrados" says the earlier records are in the history.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '@ruta/engine';
import { RecordedData } from '../src/case/RecordedData.js';
import { Timeline } from '../src/case/Timeline.js';
import { formOfEvent } from '../src/case/formOfEvent.js';
import { childRepatriation } from '../src/fixtures/childRepatriation.js';
import { protectionHistory } from '../src/fixtures/caseFixtures.js';
import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';

const i18n = i18next.createInstance();
const render = (el: ReturnType<typeof createElement>) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n }, el));

const visit = (seq: number, at: string, data: Record<string, unknown>): EventRecord => ({
  ...protectionHistory[3]!,
  seq,
  id: `ev${seq}`,
  type: 'VISIT_RECORDED',
  at,
  from: { followUp: 'visit' },
  to: { followUp: 'visit' },
  data,
});

const first = visit(10, '2026-06-15T16:00:00Z', {
  visitDate: '2026-06-15',
  visitType: 'home',
  situation: '[reserved]',
  warningSigns: ['new-threats', 'left-school'],
  recommendation: 'continue',
});
const second = visit(11, '2026-07-20T16:00:00Z', {
  visitDate: '2026-07-20',
  visitType: 'school',
  situation: '[reserved]',
  warningSigns: [],
  recommendation: 'continue',
});

describe('forms recorded more than once', () => {
  beforeAll(async () => {
    await i18n.init({
      resources: { es: { translation: es }, en: { translation: en } },
      lng: 'es',
      showSupportNotice: false,
    });
  });

  it('knows which form a step of the history recorded, and that a step without data recorded none', () => {
    expect(formOfEvent(childRepatriation, first)).toBe('cr-follow-up');
    expect(formOfEvent(childRepatriation, protectionHistory[1]!)).toBeNull();
  });

  it("shows each visit's answers under its step of the history, labelled as in the form", () => {
    const html = render(createElement(Timeline, { history: [first, second], protocol: childRepatriation }));
    const items = html.split('<li class="timeline-item').slice(1);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('Ver datos registrados: ');
    expect(items[0]).toContain('<dt>Señales de alerta</dt><dd>Nuevas amenazas, Abandonó la escuela</dd>');
    expect(items[0]).toContain('<dt>Tipo de visita</dt><dd>Visita domiciliaria</dd>');
    expect(items[1]).toContain('<dt>Tipo de visita</dt><dd>Visita al centro educativo</dd>');
    // reserved values stay reserved, and say where the latest can be shown
    expect(items[0]).toContain(
      '<dt>Situación observada</dt><dd><span class="sensitive"><span class="sensitive-mask">Reservado</span>',
    );
    expect(items[0]).toContain('Los datos reservados no se muestran en el historial');
    expect(items[0]).not.toContain('[reserved]');
  });

  it('offers to show a reserved answer of an earlier step, for that step, when the page can reveal', () => {
    const html = render(
      createElement(Timeline, {
        history: [first, second],
        protocol: childRepatriation,
        reveal: async () => '',
      }),
    );
    const items = html.split('<li class="timeline-item').slice(1);
    expect(items[0]).toMatch(/<dt>Situación observada<\/dt><dd>.*Reservado<\/span> <button[^>]*>Mostrar</s);
    expect(items[0]).not.toContain('Los datos reservados no se muestran en el historial');
  });

  it('says under "Datos registrados" that the earlier records of a form are in the history', () => {
    const html = render(
      createElement(RecordedData, {
        data: { 'cr-follow-up': second.data as Record<string, unknown> },
        forms: childRepatriation.forms,
        reveal: async () => '',
        records: { 'cr-follow-up': { count: 2, lastAt: second.at } },
      }),
    );
    expect(html).toContain('(2 registros)');
    expect(html).toContain('Se registró 2 veces: aquí está el último registro');
    expect(html).toContain('Los anteriores se leen en el Historial');
  });
});
