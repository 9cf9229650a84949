// Each event of a case's history is named by the protocol version it ran under, not by the one
// the case runs under now: which versions a history needs, how a migration reads, which version
// names a replay's row, and the history itself rendered for a case migrated from version 1 to 2.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n, TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '@ruta/engine';
import type { Lang, ResolvedProtocol } from '@ruta/protocol';
import { protocolsOfRow } from '../src/audit/protocolsOfRow.js';
import { replayEventTitle } from '../src/audit/replayEventTitle.js';
import { replayNames } from '../src/audit/replayNames.js';
import { describeMigration } from '../src/case/describeMigration.js';
import { Timeline } from '../src/case/Timeline.js';
import { versionOfEvent, versionsOfHistory } from '../src/case/versionsOfHistory.js';
import { protectionHistory } from '../src/fixtures/caseFixtures.js';
import { childRepatriation } from '../src/fixtures/childRepatriation.js';
import { pickText } from '../src/i18n/useLang.js';
import { testI18n } from './helpers/testI18n.js';

let i18n: I18n;
let t: Record<Lang, TFunction>;
beforeAll(async () => {
  ({ i18n, t } = await testI18n());
});

const v1 = childRepatriation;
/** Version 2 renames the intake, the shelter placement, the screening step and the detection form's "sex". */
const v2: ResolvedProtocol = (() => {
  const p = structuredClone(v1);
  p.version = 2;
  p.machine.states.intake!.meta.title = { es: 'Apertura del expediente', en: 'File opening' };
  const protection = p.machine.states.identification!.states!.protection!.states!;
  protection.shelterHealth!.states!.placement!.meta.title = {
    es: 'Albergue y salud de urgencia',
    en: 'Emergency shelter and health',
  };
  p.events.SCREENED!.title = { es: 'Cerrar el tamizaje', en: 'Close the screening' };
  p.forms['cr-detection']!.schema.properties!.sex!['x-label'] = { es: 'Sexo registrado', en: 'Recorded sex' };
  return p;
})();
const ref1 = { id: 'child-repatriation', version: 1, jurisdiction: 'REGIONAL' as const };
const ref2 = { ...ref1, version: 2 };
const versions = new Map([
  ['child-repatriation@1', v1],
  ['child-repatriation@2', v2],
]);

const [opened, detect, screened] = protectionHistory as [EventRecord, EventRecord, EventRecord];
const screenedWithData: EventRecord = {
  ...screened,
  data: { sex: 'female', screeningResult: 'presumed-victim' },
};
const migrated: EventRecord = {
  ...screened,
  seq: 3,
  id: 'ev3',
  kind: 'migrated',
  type: 'case.migrated',
  actor: { userId: 'sup', role: 'supervisor', country: 'MX' },
  from: screened.to,
  to: screened.to,
  protocol: ref2,
  migration: {
    from: ref1,
    mapping: {
      'identification.protection.shelterHealth.placement':
        'identification.protection.shelterHealth.placement',
    },
  },
};
const history = [opened, detect, screenedWithData, migrated];

describe('the versions a history ran under', () => {
  it('are every event’s own and the one a migration left, each once, in the order first named', () => {
    expect(versionsOfHistory(history)).toEqual([
      { id: 'child-repatriation', version: 1 },
      { id: 'child-repatriation', version: 2 },
    ]);
  });

  it('give each event its own, or the current version when its own could not be loaded', () => {
    expect(versionOfEvent(versions, screened, v2)).toBe(v1);
    expect(versionOfEvent(versions, migrated, v1)).toBe(v2);
    expect(versionOfEvent(new Map(), screened, v2)).toBe(v2);
  });
});

describe('a migration in words', () => {
  it('says from which version to which, and each stage by its title in the version it belongs to', () => {
    const es_ = describeMigration(migrated, versions, t.es, (x) => pickText(x, 'es'));
    expect(es_).toEqual({
      title: 'Migrado de la versión 1 a la 2',
      mapping: [{ from: 'Acogida y atención de salud', to: 'Albergue y salud de urgencia' }],
    });
    const en_ = describeMigration(migrated, versions, t.en, (x) => pickText(x, 'en'));
    expect(en_.title).toBe('Migrated from version 1 to version 2');
    expect(en_.mapping[0]!.to).toBe('Emergency shelter and health');
  });

  it('names the protocols when it moved to another (a national variant), and the paths when a version is missing', () => {
    const toVariant: EventRecord = {
      ...migrated,
      protocol: { id: 'child-repatriation-mx', version: 1, jurisdiction: 'MX' },
    };
    const words = describeMigration(toVariant, versions, t.es, (x) => pickText(x, 'es'));
    expect(words.title).toBe(
      'Migrado de «Repatriación de niñas, niños y adolescentes víctimas de trata» (versión 1) a «child-repatriation-mx» (versión 1)',
    );
    expect(words.mapping).toEqual([
      {
        from: 'Acogida y atención de salud',
        to: 'identification.protection.shelterHealth.placement',
      },
    ]);
  });
});

describe('the history of a migrated case', () => {
  const render = async (lang: Lang) => {
    await i18n.changeLanguage(lang);
    const html = renderToStaticMarkup(
      createElement(I18nextProvider, { i18n }, createElement(Timeline, { history, protocol: v2, versions })),
    );
    return html.split('<li class="timeline-item').slice(1);
  };

  it('tells the steps before the migration in version 1’s words, the migration and what follows in version 2’s', async () => {
    const items = await render('es');
    expect(items[0]).toContain('Ingreso del caso');
    expect(items[0]).not.toContain('Apertura del expediente');
    expect(items[2]).toContain('Registrar tamizaje');
    expect(items[2]).toContain('Acogida y atención de salud');
    expect(items[2]).toContain('<dt>Sexo</dt>');
    expect(items[3]).toContain('Migrado de la versión 1 a la 2');
    expect(items[3]).toContain('Albergue y salud de urgencia');
    const english = await render('en');
    expect(english[0]).toContain('Case intake');
    expect(english[2]).toContain('<dt>Sex</dt>');
    expect(english[3]).toContain('Migrated from version 1 to version 2');
  });

  it('falls back to the current version’s words for a version it could not load', async () => {
    await i18n.changeLanguage('es');
    const items = renderToStaticMarkup(
      createElement(I18nextProvider, { i18n }, createElement(Timeline, { history, protocol: v2 })),
    );
    expect(items).toContain('Apertura del expediente');
  });
});

describe('a replay’s rows', () => {
  const row1 = { protocol: { id: 'child-repatriation', version: 1 } };
  const row2 = { protocol: { id: 'child-repatriation', version: 2 } };

  it('are named by the version their event ran under first, then by the others of the replay', () => {
    // A replay's reasons are worded with the opening version, then the case's current one.
    expect(protocolsOfRow(row2, [v1, v2], versions, false)).toEqual([v2, v1]);
    expect(protocolsOfRow(row1, [v1, v2], versions, false)).toEqual([v1, v2]);
    const names = replayNames(protocolsOfRow(row2, [v1, v2], versions, false), (x) => pickText(x, 'es'));
    expect(names.event('SCREENED')).toBe('Cerrar el tamizaje');
  });

  it('in a what-if, by the version compared with first, then by their own', () => {
    const mx = structuredClone(v1);
    expect(protocolsOfRow(row1, [mx, v2], versions, true)).toEqual([mx, v1, v2]);
  });

  it('say between which versions a migration moved the case', () => {
    const names = replayNames([v2], (x) => pickText(x, 'en'));
    expect(replayEventTitle('case.migrated', t.en, names, { from: row1.protocol, to: row2.protocol })).toBe(
      'Migrated from version 1 to version 2',
    );
    expect(replayEventTitle('case.migrated', t.es, names)).toBe(
      'Caso trasladado a otra versión del protocolo',
    );
  });
});
