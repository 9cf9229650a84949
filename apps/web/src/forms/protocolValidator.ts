import type { RJSFSchema, RJSFValidationError, ValidatorType } from '@rjsf/utils';
import { toErrorSchema } from '@rjsf/utils';
import rjsfValidator from '@rjsf/validator-ajv8';
import { fieldAt } from './fieldAt.js';

/** One problem in a submission, as @ruta/protocol's form validator reports it. */
export interface SubmissionError {
  /** JSON pointer of the value at fault, e.g. "/victim/age". */
  path: string;
  keyword: string;
  message: string;
}
export type SubmissionCheck = (data: unknown) => { ok: true } | { ok: false; errors: SubmissionError[] };

/** Keywords whose limit the UI message states; read back from the field's schema. */
const LIMITS = ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'multipleOf'];

/**
 * An rjsf validator whose verdict on a submission is the server's: `check` is the validator the
 * server runs on the same form, so the browser never accepts what the server would refuse (or the
 * reverse). rjsf's own Ajv still answers `isValid`, which rjsf asks only to decide which
 * conditional branch of the schema to render.
 */
export function protocolValidator(check: SubmissionCheck): ValidatorType {
  return {
    isValid: (schema, formData, rootSchema) => rjsfValidator.isValid(schema, formData, rootSchema),
    rawValidation: (schema, formData) => rjsfValidator.rawValidation(schema, formData),
    reset: () => rjsfValidator.reset?.(),
    validateFormData(formData, schema, _customValidate, transformErrors, uiSchema) {
      const result = check(formData ?? {});
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
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const field = fieldAt(schema, segments);
  const params: Record<string, unknown> = {};
  if (LIMITS.includes(e.keyword) && field && typeof field[e.keyword] === 'number') params.limit = field[e.keyword];
  if (e.keyword === 'format' && field) params.format = field.format;
  const property = segments.length > 0 ? `.${segments.join('.')}` : '';
  const title = typeof field?.title === 'string' ? field.title : undefined;
  return { name: e.keyword, property, message: e.message, params, stack: `${property} ${e.message}`.trim(), title };
}
