import { datedAfter, type FormDefinition } from '@ruta/protocol';
import type { SubmissionCheck, SubmissionError } from './protocolValidator.js';

/**
 * `check`, plus the server's rule that the date of something that happened (an x-past field:
 * a detection, a visit, a decision) is not later than now: the worker sees it with the form's
 * other problems, not alone after fixing them all and sending. `now` is read at each check.
 */
export function withPastDates(check: SubmissionCheck, form: FormDefinition, now: () => number): SubmissionCheck {
  const fields: { key: string; format: 'date' | 'date-time' }[] = [];
  for (const [key, field] of Object.entries(form.schema.properties ?? {})) {
    if (field['x-past'] === true && (field.format === 'date' || field.format === 'date-time')) {
      fields.push({ key, format: field.format });
    }
  }
  if (fields.length === 0) return check;
  return (data) => {
    const result = check(data);
    const errors: SubmissionError[] = result.ok ? [] : [...result.errors];
    const values = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    const at = now();
    for (const { key, format } of fields) {
      const value = values[key];
      const path = `/${key}`;
      if (typeof value !== 'string' || errors.some((e) => e.path === path)) continue;
      if (datedAfter(format, value, at)) {
        errors.push({ path, keyword: 'notInFuture', message: 'must be the date of something that happened' });
      }
    }
    return errors.length === 0 ? { ok: true } : { ok: false, errors };
  };
}
