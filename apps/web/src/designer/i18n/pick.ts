import type { Lang, Text } from '@ruta/protocol';

/** A protocol text in `lang`, falling back to the other language rather than showing nothing. */
export function pick(text: Text | undefined, lang: Lang): string {
  if (!text) return '';
  return text[lang] || text.es || text.en || '';
}
