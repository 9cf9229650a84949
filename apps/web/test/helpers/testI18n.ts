import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import type { Lang } from '@ruta/protocol';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';

/** An i18next of its own with the app's texts, in Spanish, and a translator fixed to each language. */
export async function testI18n(): Promise<{ i18n: I18n; t: Record<Lang, TFunction> }> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { es: { translation: es }, en: { translation: en } },
    lng: 'es',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return { i18n, t: { es: i18n.getFixedT('es'), en: i18n.getFixedT('en') } };
}
