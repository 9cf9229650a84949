// Texts of the case page that read wrong: a date that ends a sentence ("…5:50 a.m..") and a
// mistyped case address said as the server's "«caseId» no tiene el formato esperado.".
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/ApiError.js';
import { describeCaseLoadError } from '../src/case/describeCaseLoadError.js';
import { formatDateTime } from '../src/format/formatDateTime.js';
import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';

/** Every text of a language, with its key. */
function texts(node: unknown, key = ''): [string, string][] {
  if (typeof node === 'string') return [[key, node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => texts(v, key ? `${key}.${k}` : k));
}

describe('case page texts', () => {
  beforeAll(async () => {
    await i18next.init({ resources: { es: { translation: es }, en: { translation: en } }, lng: 'es' });
  });

  it('never ends a sentence right after a date, whose "a.m." would end in two full stops', () => {
    for (const [lang, resources] of [
      ['es', es],
      ['en', en],
    ] as const) {
      const date = formatDateTime('2026-12-07T11:50:00Z', lang);
      for (const [key, text] of texts(resources)) {
        if (!/\{\{(date|at)\}\}/.test(text)) continue;
        const shown = i18next.getFixedT(lang)(key, { date, at: date, count: 2 });
        expect(shown, `${lang} ${key}`).not.toMatch(/\.\./);
      }
    }
    expect(
      i18next.getFixedT('es')('case.closedBody', { date: formatDateTime('2026-12-07T11:50:00Z', 'es') }),
    ).toBe(`El caso se cerró el ${formatDateTime('2026-12-07T11:50:00Z', 'es')}: su historial queda abajo.`);
  });

  it('says a mistyped case address in plain words', () => {
    const t = i18next.getFixedT('es');
    const refused = new ApiError(400, 'invalid-input', 'Fix the request: path.caseId: …', [
      {
        in: 'path',
        path: 'caseId',
        issue: 'invalid_format',
        message: 'must be a 24-character hexadecimal id',
      },
    ]);
    const text = describeCaseLoadError(refused, '6b16a2b16cb4a237c04da38', t);
    expect(text).toBe(
      'No se encontró ningún caso en esta dirección: «6b16a2b16cb4a237c04da38» no es un número de caso. Puede que la dirección esté mal escrita o incompleta; abra el caso desde Mis casos.',
    );
    expect(text).not.toContain('formato');
    const missing = new ApiError(404, 'not-found', 'No case', [
      { what: 'case', id: '6b16a2b16cb4a237c04da386' },
    ]);
    expect(describeCaseLoadError(missing, '6b16a2b16cb4a237c04da386', t)).toBe(
      'No se encontró el caso 6b16a2b16cb4a237c04da386, o no tiene acceso a él.',
    );
  });
});
