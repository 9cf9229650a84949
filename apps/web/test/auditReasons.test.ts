// An auditor reads why a replayed event diverges in the page's language: stages, steps, forms and
// fields by their titles in the protocol, never the engine's English message or raw JSON.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '@ruta/protocol';
import { describeReplayReason, type ReplayReason } from '../src/audit/describeReplayReason.js';
import { replayNames } from '../src/audit/replayNames.js';
import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';
import { pickText } from '../src/i18n/useLang.js';
import { shipped } from './designerShipped.js';

const i18n = i18next.createInstance();
let t: Record<Lang, TFunction>;

beforeAll(async () => {
  await i18n.init({
    resources: { es: { translation: es }, en: { translation: en } },
    lng: 'es',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  t = { es: i18n.getFixedT('es'), en: i18n.getFixedT('en') };
});

// A Mexican case compared with the regional protocol: the regional version first, then the one
// the case ran under (whose forms still have the fields the record holds).
const regional = shipped('child-repatriation@1');
const mexican = shipped('child-repatriation-mx@1');
const describe_ = (r: ReplayReason, row: object, lang: Lang = 'es') =>
  describeReplayReason(
    r,
    row,
    (key, opts) => t[lang](key, opts),
    replayNames([regional, mexican], (text) => pickText(text, lang)),
  );

const protection = {
  identification: { protection: { shelterHealth: 'placement', alert: 'sent', consular: 'notified' } },
};

/** What every reason must not show an auditor reading Spanish. */
function expectSpanishWords(text: string) {
  expect(text).not.toMatch(/[{}[\]"]/);
  expect(text).not.toMatch(/\b(the|step|record|says|field|form|state|cannot|is not)\b/);
}

describe('replay reasons for an auditor', () => {
  it('names the stages of a different state by their titles', () => {
    const text = describe_(
      {
        code: 'different-state',
        message: `the step leads to ${JSON.stringify(protection)}; the record says {"identification":"verification"}`,
      },
      { expected: { identification: 'verification' }, actual: protection },
    );
    expect(text).toContain('«Verificación');
    expect(text).toContain('Alerta resuelta');
    expectSpanishWords(text);
    const english = describe_(
      { code: 'different-state', message: 'x' },
      { expected: { identification: 'verification' }, actual: protection },
      'en',
    );
    expect(english).toContain('Alert settled');
  });

  it('names the form and the field a record has and the compared version does not', () => {
    const text = describe_(
      {
        code: 'form-invalid',
        message: 'form "cr-shelter-health", field /difReferral: is not a field of this form: remove it',
        form: 'cr-shelter-health',
        path: '/difReferral',
        keyword: 'additionalProperties',
      },
      { expected: protection, actual: protection },
    );
    expect(text).toContain('«Canalización al Sistema DIF (sin alojamiento en estación migratoria)»');
    expect(text).toContain('«Albergue y salud»');
    expectSpanishWords(text);
  });

  it('says which step cannot be taken at which stage, and what can', () => {
    const text = describe_(
      {
        code: 'event-not-available',
        message: `"VERIFIED" cannot be sent in state ${JSON.stringify(protection)} (available: SHELTER_AND_HEALTH_RECORDED, WITHDRAW_CONSENT)`,
        event: 'VERIFIED',
        available: ['SHELTER_AND_HEALTH_RECORDED', 'WITHDRAW_CONSENT'],
      },
      { expected: { identification: 'verification' }, actual: protection },
    );
    expect(text).toContain('«Registrar verificación»');
    expect(text).toContain('Acogida y atención de salud');
    expect(text).not.toContain('SHELTER_AND_HEALTH_RECORDED');
    expectSpanishWords(text);
  });

  it('words every code of the engine in Spanish, and an unknown one too', () => {
    const codes = [
      'different-effects',
      'hash-mismatch',
      'chain-broken',
      'migration-skipped',
      'not-replayed',
      'protocol-unknown',
      'bad-record',
      'bad-input',
      'case-closed',
      'guard-failed',
      'role-not-allowed',
      'country-not-allowed',
      'form-invalid',
      'event-not-available',
      'different-state',
      'something-new',
    ];
    for (const code of codes) {
      const text = describe_({ code, message: 'the record says {"a":1}' }, {});
      expect(text, code).not.toBe('');
      expect(text, code).not.toContain('audit.');
      expectSpanishWords(text);
    }
    expect(
      describe_({ code: 'role-not-allowed', message: 'x', role: 'caseworker', allowed: ['supervisor'] }, {}),
    ).toContain('Supervisión');
    expect(
      describe_(
        {
          code: 'guard-failed',
          message: 'x',
          guard: 'g',
          description: { es: 'Riesgo no alto.', en: 'Risk not high.' },
          condition: true,
        },
        {},
      ),
    ).toContain('Riesgo no alto.');
  });
});
