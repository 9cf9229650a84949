// An auditor reads why a replayed event diverges in the page's language: stages, steps, forms and
// fields by their titles in the protocol, never the engine's English message or raw JSON.
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '@ruta/protocol';
import type { ChainReport } from '../src/api/types.js';
import { describeChainReport } from '../src/audit/describeChainReport.js';
import { describeReplayReason, type ReplayReason } from '../src/audit/describeReplayReason.js';
import { replayEventTitle } from '../src/audit/replayEventTitle.js';
import { replayNames } from '../src/audit/replayNames.js';
import { formatDateTime } from '../src/format/formatDateTime.js';
import { pickText } from '../src/i18n/useLang.js';
import { shipped } from './designerShipped.js';
import { testI18n } from './helpers/testI18n.js';

let t: Record<Lang, TFunction>;

beforeAll(async () => {
  ({ t } = await testI18n());
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
      'events-missing',
      'events-missing-at-end',
      'seq-out-of-order',
      'other-case',
      'timer-not-due',
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

const names = (lang: Lang) => replayNames([regional, mexican], (text) => pickText(text, lang));
const chainText = (r: ChainReport, lang: Lang = 'es') =>
  describeChainReport(r, (key, opts) => t[lang](key, opts), names(lang));
const broken = (problem: ChainReport['problem'], brokenAt: number | null = 4): ChainReport => ({
  ok: false,
  events: 9,
  brokenAt,
  reason: 'event 4 was altered: its content hashes to de6c0000, the record says b48b0000',
  problem,
});

describe('the chain verdict for an auditor', () => {
  it('says in Spanish why the chain breaks, without the engine’s English or hashes', () => {
    const texts = [
      chainText(broken({ code: 'altered', seq: 4 })),
      chainText(broken({ code: 'events-missing', seq: 4, from: 4, to: 4 })),
      chainText(broken({ code: 'events-missing', seq: 4, from: 4, to: 6 })),
      chainText(broken({ code: 'seq-out-of-order', seq: 4, found: 2 })),
      chainText(broken({ code: 'other-case', seq: 4 })),
      chainText(broken({ code: 'not-opened-first', seq: 0, kind: 'step' }, 0)),
      chainText(broken({ code: 'opened-again', seq: 4 })),
      chainText(broken({ code: 'prev-mismatch', seq: 4 })),
      chainText(broken({ code: 'bad-record', seq: 4 })),
      chainText(broken({ code: 'empty' }, 0)),
      chainText(broken({ code: 'events-missing-at-end', from: 9, to: 9 }, 9)),
      chainText(broken({ code: 'events-missing-at-end', from: 9, to: null }, 9)),
      chainText(broken(undefined)),
    ];
    for (const text of texts) {
      expectSpanishWords(text);
      expect(text).not.toMatch(/[0-9a-f]{8}/);
      expect(text).not.toContain('audit.');
    }
    expect(texts[0]).toBe(
      'La cadena se rompe en el evento 4: el evento 4 fue modificado después de guardarse: su contenido ya no corresponde a su hash.',
    );
    expect(texts[1]).toContain('falta el evento 4');
    expect(texts[10]).toContain('Falta el último evento del historial');
    expect(chainText(broken({ code: 'altered', seq: 4 }), 'en')).toContain('event 4 was changed');
  });

  it('says which parts of the stored case differ from its history, by title, never the data', () => {
    const text = chainText(
      broken(
        {
          code: 'document-differs',
          differences: [
            { part: 'stage', stored: protection, replayed: { identification: 'verification' } },
            { part: 'data', form: 'cr-shelter-health' },
            { part: 'head', stored: 'f'.repeat(64), replayed: 'a'.repeat(64) },
          ],
        },
        null,
      ),
    );
    expect(text).toContain('El caso guardado no coincide con su historial');
    expect(text).toContain('«Verificación');
    expect(text).toContain('Alerta resuelta');
    expect(text).toContain('los datos del formulario «Albergue y salud»');
    expect(text).toContain('el hash del último evento');
    expectSpanishWords(text);
    expect(text).not.toMatch(/[0-9a-f]{8}/);
  });
});

describe('a what-if timer that would not have been due', () => {
  it('says when it was due under that version and when it was recorded', () => {
    const text = describeReplayReason(
      {
        code: 'timer-not-due',
        message:
          'timer "xstate.after.alert24h.x" is due at 2025-03-05T08:00:00.000Z; it is 2025-03-04T08:00:00.000Z',
        event: 'xstate.after.alert24h.x',
        dueAt: '2025-03-05T08:00:00.000Z',
        at: '2025-03-04T08:00:00.000Z',
      },
      {},
      (key, opts) => t.es(key, opts),
      names('es'),
      (iso) => formatDateTime(iso, 'es', 'UTC'),
    );
    expect(text).toContain('el plazo aún no se había cumplido');
    expect(text).toContain(formatDateTime('2025-03-05T08:00:00.000Z', 'es', 'UTC'));
    expect(text).toContain(formatDateTime('2025-03-04T08:00:00.000Z', 'es', 'UTC'));
    expect(text).not.toContain('no son válidos');
  });
});

describe('the events of a replay', () => {
  it('are named as the history names them, not by their raw types', () => {
    const title = (type: string) => replayEventTitle(type, (key, opts) => t.es(key, opts), names('es'));
    expect(title('case.opened')).toBe('Caso abierto');
    expect(title('xstate.after.alert24h.child-repatriation.identification.protection.alert')).toBe(
      'Plazo cumplido (automático)',
    );
    expect(title('VERIFIED')).toBe('Registrar verificación');
    expect(title('case.migrated')).toBe('Caso trasladado a otra versión del protocolo');
  });
});

describe('the closed-case banner', () => {
  it('has no double period after a time that ends with one', () => {
    // As es-GT formats a morning time.
    const date = '4/03/2026, 5:49 a. m.';
    expect(t.es('case.closedBody', { date })).not.toContain('..');
    expect(t.en('case.closedBody', { date: 'Mar 4, 2026, 5:49 a.m.' })).not.toContain('..');
  });
});

describe('a recorded migration replay refuses', () => {
  it('says in Spanish that it skipped the steps an invariant requires, by the stage’s title', () => {
    const text = describe_(
      {
        code: 'migration-not-allowed',
        message: 'the mapping puts the case in "Escorted and confidential travel" (return), but ...',
        rule: 'invariant',
        state: 'travel',
        invariant: 'child-return-requires-best-interest-and-risk',
        description: {
          es: 'Ningún niño, niña o adolescente retorna sin la determinación de su interés superior.',
          en: 'No child is returned without a determination of their best interest.',
        },
      },
      {},
    );
    expect(text).toContain('la migración pone el caso en «');
    expect(text).toContain('sin la determinación de su interés superior');
    expectSpanishWords(text);
    expect(describe_({ code: 'migration-not-allowed', message: '', rule: 'final-state' }, {})).toBe(
      'la migración cierra el caso, lo que solo hacen los pasos del protocolo',
    );
    expect(describe_({ code: 'migration-not-allowed', message: '', rule: 'not-newer' }, {}, 'en')).toBe(
      'the migration moves the case to its own protocol version or an older one',
    );
  });
});
