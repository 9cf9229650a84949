// A step the protocol takes by itself on a date (a timer: a residence renewal that opens on its
// own) is listed under "Plazos" with what it does and when, named as the history names it once it
// has fired, instead of "No hay plazos en curso".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord, Timer } from '@ruta/engine';
import type { ProtocolFile } from '@ruta/protocol';
import { Deadlines } from '../src/case/Deadlines.js';
import { namedTimers } from '../src/case/delayedTransition.js';
import { Timeline } from '../src/case/Timeline.js';
import { protectionHistory } from '../src/fixtures/caseFixtures.js';
import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';
import { REPO_ROOT } from './helpers/paths.js';

const file = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'workflows/regional/migration-regularisation.v1.json'), 'utf8'),
) as ProtocolFile;
const renewal: Timer = {
  event: 'xstate.after.renewalWindow.migration-regularisation.status.temporary',
  dueAt: '2027-10-08T15:00:00Z',
  state: 'status.temporary',
};

const i18n = i18next.createInstance();
const render = (el: ReturnType<typeof createElement>) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n }, el));

describe('timers under Plazos', () => {
  beforeAll(async () => {
    await i18n.init({
      resources: { es: { translation: es }, en: { translation: en } },
      lng: 'es',
      showSupportNotice: false,
    });
  });

  it('names a timer by what its delayed transition does', () => {
    expect(namedTimers(file.machine, [renewal])).toEqual([
      {
        key: 'status.temporary:xstate.after.renewalWindow.migration-regularisation.status.temporary',
        title: { es: 'Se abre la ventana de renovación.', en: 'The renewal window opens.' },
        dueAt: renewal.dueAt,
      },
    ]);
  });

  it('lists the renewal with its date where it said there was nothing running', () => {
    const html = render(
      createElement(Deadlines, { deadlines: [], timers: namedTimers(file.machine, [renewal]) }),
    );
    expect(html).not.toContain('No hay plazos en curso');
    expect(html).toContain('Se abre la ventana de renovación.');
    expect(html).toContain('Automático: 8 oct 2027');
  });

  it('names the timer the same way in the history once it fired', () => {
    const fired: EventRecord = {
      ...protectionHistory[3]!,
      kind: 'timer',
      type: renewal.event,
      actor: { userId: 'system', role: 'system', country: 'MX' },
      from: { status: 'temporary' },
      to: { status: 'renewalDue' },
    };
    const html = render(createElement(Timeline, { history: [fired], protocol: { ...file, forms: {} } }));
    expect(html).toContain('Plazo cumplido (automático): Se abre la ventana de renovación.');
  });
});
