import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '@ruta/protocol';
import { es } from './es.js';
import { en } from './en.js';

export const LANG_STORAGE_KEY = 'ruta.lang';
export const UI_LANGS: readonly Lang[] = ['es', 'en'];

/** The language to start in: the one the user chose last, else the browser's, else Spanish. */
export function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_STORAGE_KEY);
    if (stored === 'es' || stored === 'en') return stored;
  } catch {
    // storage may be blocked; the browser's language is good enough
  }
  const nav = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const l of nav) {
    const base = l.slice(0, 2).toLowerCase();
    if (base === 'es' || base === 'en') return base;
  }
  return 'es';
}

/** Switches the UI language, remembers it and tells assistive technology (`<html lang>`). */
export async function setLang(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // not remembered, still switched
  }
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

/** Starts i18next once, with the es and en resources bundled (no network fetch for texts). */
export function initI18n(lang: Lang = initialLang()): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { es: { translation: es }, en: { translation: en } },
      lng: lang,
      fallbackLng: 'es',
      supportedLngs: ['es', 'en'],
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return i18next;
}
