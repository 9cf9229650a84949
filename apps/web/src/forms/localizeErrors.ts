import type { RJSFValidationError } from '@rjsf/utils';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** Keywords that only repeat another error (an `if` fails because its `then` did). */
const NOISE = new Set(['if', 'then', 'else']);

/**
 * rjsf's `transformErrors`: every Ajv error rewritten in the UI language. `message` is shown under
 * the field (whose label is right above it); `stack` names the field too, for the error summary.
 */
export function localizeErrors(errors: RJSFValidationError[], t: T): RJSFValidationError[] {
  return errors
    .filter((e) => !NOISE.has(e.name ?? ''))
    .map((e) => {
      const message = validationMessage(e.name ?? '', (e.params ?? {}) as Record<string, unknown>, t);
      const label = e.title || lastSegment(e.property) || t('validation.thisForm');
      return { ...e, message, stack: `${label}: ${message}` };
    });
}

const KEYWORDS = new Set([
  'required',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'pattern',
  'enum',
  'const',
  'type',
  'multipleOf',
  'format',
]);

/** Whether the UI has its own wording for a failed keyword. */
export function isKnownKeyword(keyword: string): boolean {
  return KEYWORDS.has(keyword);
}

/** The message for one failed JSON Schema keyword, in the UI language. */
export function validationMessage(keyword: string, params: Record<string, unknown>, t: T): string {
  switch (keyword) {
    case 'required':
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minItems':
    case 'maxItems':
    case 'uniqueItems':
    case 'pattern':
    case 'enum':
    case 'const':
    case 'type':
    case 'multipleOf':
    case 'notInFuture':
      return t(`validation.${keyword}`, { limit: params.limit, count: Number(params.limit ?? 0), type: params.type });
    case 'format': {
      const format = String(params.format ?? '');
      return t(`validation.format.${format}`, { defaultValue: t('validation.format.other') });
    }
    default:
      return t('validation.invalid');
  }
}

function lastSegment(property: string | undefined): string {
  if (!property) return '';
  const parts = property.split('.').filter(Boolean);
  return parts[parts.length - 1] ?? '';
}
