import { useTranslation } from 'react-i18next';
import type { Lang, Text } from '@ruta/protocol';

/** The current UI language and a picker for protocol texts (`{es, en}`) in it. */
export function useLang(): { lang: Lang; pick: (text: Text | undefined) => string } {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.resolvedLanguage === 'en' ? 'en' : 'es';
  return { lang, pick: (text) => pickText(text, lang) };
}

/** A protocol text in `lang`, falling back to the other language rather than showing nothing. */
export function pickText(text: Text | undefined, lang: Lang): string {
  if (!text) return '';
  return text[lang] || text.es || text.en || '';
}
