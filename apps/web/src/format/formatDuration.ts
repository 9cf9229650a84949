import type { Lang } from '@ruta/protocol';
import { localeFor } from './locale.js';

/**
 * A length of time in words, at most two units: "2 días, 3 horas", "45 minutes". Uses Intl's
 * unit formatting, so plurals and word order follow the language.
 */
export function formatDuration(ms: number, lang: Lang): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const locale = localeFor(lang);
  const unit = (value: number, u: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }).format(value);
  const parts: string[] = [];
  if (days > 0) parts.push(unit(days, 'day'));
  if (hours > 0 && parts.length < 2) parts.push(unit(hours, 'hour'));
  if (days === 0 && (mins > 0 || parts.length === 0)) parts.push(unit(mins, 'minute'));
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(parts.slice(0, 2));
}
