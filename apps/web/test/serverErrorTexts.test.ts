// Every refusal the server can send has a text in Spanish and in English, so the app never falls
// back to the server's English message for a code it knows. The list is the server's own
// (apps/server/src/errors.ts): adding a code there without texts here fails this test.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, FORBIDDEN_RULES, NOT_FOUND_WHATS } from '../../server/src/errors.js';
import { ApiError } from '../src/api/ApiError.js';
import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';
import { describeError } from '../src/ui/ErrorMessage.js';

const texts = (lang: typeof es) => lang.serverErrors as unknown as Record<string, unknown>;
const codes = Object.keys(ERROR_CODES);

describe('server error texts', () => {
  beforeAll(async () => {
    await i18next.init({
      resources: { es: { translation: es }, en: { translation: en } },
      lng: 'es',
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
  });

  it('has a Spanish and an English text for every error code, and they differ', () => {
    expect(codes.length).toBeGreaterThan(40);
    const problems = codes.flatMap((code) => {
      const [s, e] = [texts(es)[code], texts(en)[code]];
      if (typeof s !== 'string') return [`es: ${code}`];
      if (typeof e !== 'string') return [`en: ${code}`];
      return s === e ? [`same in es and en: ${code}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('has a text for every reason of a 403 and every kind of missing thing of a 404', () => {
    const keys = [
      ...FORBIDDEN_RULES.map((r) => `forbidden_${r}`),
      ...NOT_FOUND_WHATS.map((w) => `not-found_${w}`),
    ];
    expect(keys.filter((k) => typeof texts(es)[k] !== 'string' || typeof texts(en)[k] !== 'string')).toEqual(
      [],
    );
  });

  it('says a taken user name with the name, in the user’s language', () => {
    const err = new ApiError(409, 'username-unavailable', 'The user name "ana.gt" is not available', [
      { username: 'ana.gt' },
    ]);
    expect(describeError(err, i18next.getFixedT('es'))).toBe(
      'El nombre de usuario «ana.gt» no está disponible: elija otro.',
    );
    expect(describeError(err, i18next.getFixedT('en'))).toBe(
      'The user name “ana.gt” is not available: choose another one.',
    );
  });

  it('names the country and role of a refusal in Spanish', () => {
    const role = new ApiError(403, 'forbidden', 'Your role (auditor) cannot do this', [
      { rule: 'role', role: 'auditor', allowed: ['caseworker', 'supervisor'] },
    ]);
    expect(describeError(role, i18next.getFixedT('es'))).toBe(
      'Su rol (Auditoría) no permite hacer esto; hace falta el rol Gestión de casos o Supervisión.',
    );
    const pending = new ApiError(409, 'handover-pending', 'already waiting', [
      { country: 'GT', handoverId: 'h1' },
    ]);
    expect(describeError(pending, i18next.getFixedT('es'))).toBe(
      'Ya hay un traspaso de este caso a Guatemala esperando respuesta.',
    );
  });

  it('names the stage a handover was refused at, and the stages that allow one, in the user’s language', () => {
    const stage = (handoverStages: unknown[]) =>
      new ApiError(409, 'handover-stage', 'not at this stage', [
        {
          stage: 'intake',
          stageTitle: { es: 'Ingreso del caso', en: 'Case intake' },
          handoverStages,
        },
      ]);
    const coordination = {
      path: 'solution.coordination',
      title: { es: 'Coordinación entre enlaces', en: 'Coordination between liaisons' },
    };
    expect(describeError(stage([coordination]), i18next.getFixedT('es'))).toBe(
      'En la etapa «Ingreso del caso» el protocolo no permite traspasar el caso a otro país a mano; lo permite en: «Coordinación entre enlaces».',
    );
    expect(describeError(stage([coordination]), i18next.getFixedT('en'))).toBe(
      'At the stage “Case intake” the protocol does not allow handing the case over to another country by hand; it allows it at: “Coordination between liaisons”.',
    );
    expect(describeError(stage([]), i18next.getFixedT('es'))).toContain('no lo permite en ninguna etapa');
  });

  it('names each wrong field of a refused request and what is wrong with it', () => {
    const err = new ApiError(400, 'invalid-input', 'Fix the request: body.reason: Too small', [
      { in: 'body', path: 'reason', issue: 'too_small', minimum: 1, message: 'Too small' },
      { in: 'body', path: 'toCountry', issue: 'invalid_value', message: 'Invalid option' },
    ]);
    expect(describeError(err, i18next.getFixedT('es'))).toBe(
      'Revise los datos enviados: «motivo» no puede quedar vacío y «país de destino» no es uno de los valores admitidos.',
    );
  });

  it('says every code without the server’s English message, even without details', () => {
    const left = codes.flatMap((code) => {
      const text = describeError(new ApiError(400, code, 'English', []), i18next.getFixedT('es'));
      return text.includes('English') ? [code] : [];
    });
    expect(left).toEqual([]);
  });

  it('falls back to the server’s message only for a code it does not know', () => {
    const err = new ApiError(400, 'brand-new-code', 'Something new went wrong.');
    expect(describeError(err, i18next.getFixedT('es'))).toBe(
      'El servidor no pudo hacerlo: Something new went wrong.',
    );
  });
});
