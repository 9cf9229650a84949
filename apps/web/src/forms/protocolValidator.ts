import type { RJSFSchema, RJSFValidationError, ValidatorType } from '@rjsf/utils';
import { toErrorSchema } from '@rjsf/utils';
import { fieldAt } from './fieldAt.js';
import { schemaHolds } from './schemaHolds.js';

/** One problem in a submission, as @ruta/protocol's form validator reports it. */
export interface SubmissionError {
  /** JSON pointer of the value at fault, e.g. "/victim/age". */
  path: string;
  keyword: string;
  message: string;
}
export type SubmissionCheck = (data: unknown) => { ok: true } | { ok: false; errors: SubmissionError[] };

/** Keywords whose limit the UI message states; read back from the field's schema. */
const LIMITS = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'multipleOf',
];

/**
 * An rjsf validator whose verdict on a submission is the server's: `check` reports what the
 * server's validator reports for the same form (submissionCheck, or createFormValidator itself
 * where eval is allowed), so the browser does not accept what the server would refuse, or the
 * reverse. With `check` null every submission goes to the server, whose 422 is shown the same way.
 *
 * rjsf also asks `isValid` to pick which conditional fields to render: schemaHolds answers that.
 */
export function protocolValidator(check: SubmissionCheck | null): ValidatorType {
  return {
    isValid: (schema, formData) => schemaHolds(schema, formData),
    // Only rjsf's playground calls this; the form never does.
    rawValidation: <Result>(schema: RJSFSchema, formData?: unknown) => ({
      errors: (schemaHolds(schema, formData) ? [] : [{ message: 'does not match the schema' }]) as Result[],
    }),
    validateFormData(formData, schema, _customValidate, transformErrors, uiSchema) {
      const result = check ? check(formData ?? {}) : ({ ok: true } as const);
      let errors = result.ok ? [] : result.errors.map((e) => toRjsfError(e, schema));
      if (transformErrors) errors = transformErrors(errors, uiSchema);
      return { errors, errorSchema: toErrorSchema(errors) };
    },
  };
}

function toRjsfError(e: SubmissionError, schema: RJSFSchema): RJSFValidationError {
  const segments = e.path
    .split('/')
    .slice(1)
    .filter((s) => s !== '')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const field = fieldAt(schema, segments);
  const params: Record<string, unknown> = {};
  if (LIMITS.includes(e.keyword) && field && typeof field[e.keyword] === 'number') params.limit = field[e.keyword];
  if (e.keyword === 'format' && field) params.format = field.format;
  const property = segments.length > 0 ? `.${segments.join('.')}` : '';
  const title = typeof field?.title === 'string' ? field.title : undefined;
  return { name: e.keyword, property, message: e.message, params, stack: `${property} ${e.message}`.trim(), title };
}
