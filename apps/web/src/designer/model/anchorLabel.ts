import { findFormField, parseAnchor } from '@ruta/protocol';
import type { Lang } from '@ruta/protocol';
import { pick } from '../i18n/pick.js';
import type { DesignDoc } from './DesignDoc.js';

/**
 * A field a deadline may count from, as a designer reads it: "Detection › Date and time of
 * detection (cr-detection.detectedAt)"; the field as written when its form or field is gone.
 */
export function anchorLabel(doc: DesignDoc, field: string, lang: Lang): string {
  const anchor = parseAnchor({ field });
  const form = anchor && Object.hasOwn(doc.forms, anchor.form) ? doc.forms[anchor.form] : undefined;
  if (!anchor || !form) return field;
  let label: string | undefined;
  try {
    label = pick(findFormField(form, anchor.path)?.label, lang) || undefined;
  } catch {
    label = undefined;
  }
  return `${pick(form.title, lang) || anchor.form} › ${label ?? anchor.path} (${field})`;
}
