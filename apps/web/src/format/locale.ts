import type { Lang } from '@ruta/protocol';

/**
 * The BCP 47 locale for formatting in `lang`: the user's own regional variant when the browser
 * has one ("es-GT", "en-CA"), so dates read the way they are used to; else the bare language.
 */
export function localeFor(lang: Lang): string {
  const nav = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return nav.find((l) => l.toLowerCase().startsWith(`${lang}-`)) ?? lang;
}
