import type { Lang } from '@ruta/protocol';
import { localeFor } from './locale.js';

/**
 * An ISO 8601 instant as the user reads it: their locale, their time zone (the browser's,
 * unless `timeZone` is given, as Storybook and tests do to stay reproducible).
 */
export function formatDateTime(iso: string, lang: Lang, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(localeFor(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(d);
}
