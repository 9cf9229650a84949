import type { Lang, Text } from '@ruta/protocol';
import { formatDateTime } from '../format/formatDateTime.js';
import { localeFor } from '../format/locale.js';
import { pickText } from '../i18n/useLang.js';

export const RESERVED = '[reserved]';

type T = (key: string) => string;

/** A recorded form value as a worker reads it: choice labels, yes/no, dates in their locale. */
export function formatValue(value: unknown, field: Record<string, unknown> | null, lang: Lang, t: T): string {
  if (value === null || value === undefined || value === '') return '—';
  const enumValues = field?.enum as unknown[] | undefined;
  const enumLabels = field?.['x-enumLabels'] as Text[] | undefined;
  if (Array.isArray(value)) {
    // An empty list of checkboxes is an answer ("none of these"), not a blank.
    if (value.length === 0) return t('record.none');
    const items = (field?.items as Record<string, unknown> | undefined) ?? null;
    return value.map((v) => formatValue(v, items, lang, t)).join(', ');
  }
  if (enumValues && enumLabels) {
    const i = enumValues.indexOf(value);
    if (i >= 0 && enumLabels[i]) return pickText(enumLabels[i], lang);
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string' && field?.format === 'date') {
    const d = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(d.getTime())) {
      return new Intl.DateTimeFormat(localeFor(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
    }
  }
  if (typeof value === 'string' && field?.format === 'date-time') return formatDateTime(value, lang);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
