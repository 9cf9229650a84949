import type { Rejection } from '@ruta/engine';
import type { Lang } from '@ruta/protocol';
import { pickText } from '../i18n/useLang.js';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** Reasons the worker cannot fix by filling in the form: the action stays unavailable. */
export function isBlocking(r: Rejection): boolean {
  return r.code !== 'form-invalid' && r.code !== 'guard-failed' && r.code !== 'bad-input';
}

/**
 * Why an action is not available, in words a case worker understands: which field is missing,
 * which condition of the protocol is not met (the guard's own description), which role may act.
 * `fieldLabel` turns a form field path into its label.
 */
export function describeRejection(
  r: Rejection,
  t: T,
  lang: Lang,
  fieldLabel: (form: string, path: string, message: string, keyword: string) => string | null = () => null,
): string {
  switch (r.code) {
    case 'form-invalid': {
      const label = fieldLabel(r.form, r.path, r.message, r.keyword);
      if (!label) return t('reasons.formInvalid', { message: r.message });
      return r.keyword === 'required'
        ? t('reasons.missingField', { field: label })
        : t('reasons.invalidField', { field: label });
    }
    case 'guard-failed':
      return t('reasons.guard', { condition: pickText(r.description, lang) || r.guard });
    case 'role-not-allowed':
      return t('reasons.role', {
        allowed: r.allowed.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', '),
      });
    case 'country-not-allowed':
      return t('reasons.country', { country: r.country, caseCountry: r.caseCountry });
    case 'case-closed':
      return t('reasons.closed');
    case 'event-not-available':
      return t('reasons.notAvailable');
    case 'bad-input':
      return t('reasons.badInput', { message: r.message });
    default:
      return (r as { message?: string }).message ?? '';
  }
}
