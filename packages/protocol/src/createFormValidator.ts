import type { ErrorObject, ValidateFunction } from 'ajv';
import { stableStringify } from './deepEqual.js';
import { formAjv, quickFormAjv } from './formAjv.js';
import { fieldAtPointer } from './formFields.js';
import { fromPointer, toPointer } from './jsonPointer.js';
import { normalizeFormSchema } from './normalizeFormSchema.js';
import { FORBIDDEN_KEYS, findForbiddenKey, findTooDeep, MAX_JSON_DEPTH } from './parseJson.js';
import type { FormDefinition, Text } from './types.js';

export interface FormError {
  /** JSON pointer of the value at fault in the submission, e.g. "/victim/age". */
  path: string;
  /** The JSON Schema keyword that failed ("required", "maxLength", "additionalProperties", ...). */
  keyword: string;
  /** In English, for logs and API clients; the UI shows `label` with a message of its own by keyword. */
  message: string;
  /** The label of the field at fault, when the form declares it. */
  label?: Text;
}

export type FormValidation = { ok: true } | { ok: false; errors: FormError[] };

export interface FormValidateOptions {
  /**
   * The caller has already refused, in this very value, every key that reaches a prototype and
   * any nesting deeper than MAX_JSON_DEPTH (the engine does while it copies a submission), so the
   * validator does not walk the data again for them. Everything else is checked as always.
   */
  keysAndDepthChecked?: boolean;
  /**
   * This very value as JSON text (any serialisation), when the caller has it at hand. It lets a
   * quick first pass accept a valid submission (see compile); the verdict is the same either way.
   */
  text?: string;
}

export type FormValidator = (data: unknown, options?: FormValidateOptions) => FormValidation;

const byObject = new WeakMap<FormDefinition, FormValidator>();
const byContent = new Map<string, FormValidator>();

/**
 * The validator of a form's submissions, compiled once per form (by id, version and content:
 * a variant's changed copy of a form gets its own). Strict: fields the form does not declare,
 * texts over 2000 characters and lists over 200 items are refused (see normalizeFormSchema);
 * wrong types are never coerced and the data is never changed. Never throws.
 *
 * @example
 *   const result = createFormValidator(form)(submission);
 *   if (!result.ok) result.errors // [{ path: "/victim/age", keyword: "type", message: "must be integer" }]
 */
export function createFormValidator(form: FormDefinition): FormValidator {
  const known = byObject.get(form);
  if (known) return known;
  const key = `${form.id}@${form.version}#${stableStringify(form.schema)}`;
  let validator = byContent.get(key);
  if (!validator) {
    validator = compile(form);
    byContent.set(key, validator);
  }
  byObject.set(form, validator);
  return validator;
}

/** A UTF-16 surrogate: present only in texts with characters beyond the Basic Multilingual Plane. */
const SURROGATE = /[\uD800-\uDFFF]/;

function compile(form: FormDefinition): FormValidator {
  let validate: ValidateFunction;
  let quick: ValidateFunction | null = null;
  // Whether the quick pass needs the text checked for surrogate pairs first (see below).
  let surrogatesMatter = true;
  try {
    const schema = normalizeFormSchema(form.schema);
    surrogatesMatter = hasMinLengthOver1(schema);
    validate = formAjv().compile(schema);
    // The quick pass: first error only, lengths in UTF-16 units. For a text without surrogate
    // pairs that is its number of characters, so on such data it accepts exactly what
    // `validate` accepts, in a fraction of the time (counting characters is most of the work).
    // Anything it refuses goes to `validate`, which says every reason. Counting UTF-16 units
    // only ever finds a text longer than it is, so a `maxLength` the quick pass accepts holds
    // (one it refuses goes to `validate`); only a `minLength` of 2 or more can accept a text
    // with pairs that `validate` refuses. Without one, the quick pass is exact on any text.
    try {
      quick = quickFormAjv().compile(schema);
    } catch {
      quick = null;
    }
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return () => ({
      ok: false,
      errors: [
        {
          path: '',
          keyword: 'schema',
          message: `The form "${form.id}" version ${form.version} cannot be used to validate: ${reason}. Fix the form's schema.`,
        },
      ],
    });
  }
  return (data, options) => {
    if (options?.keysAndDepthChecked !== true && !withinBounds(data, 1)) {
      const forbidden = findForbiddenKey(data);
      if (forbidden) {
        return {
          ok: false,
          errors: [
            {
              path: forbidden.pointer,
              keyword: 'forbiddenKey',
              message: `the key "${forbidden.key}" is not allowed`,
            },
          ],
        };
      }
      const tooDeep = findTooDeep(data);
      if (tooDeep !== null) {
        return {
          ok: false,
          errors: [
            {
              path: tooDeep,
              keyword: 'maxDepth',
              message: `is nested more than ${MAX_JSON_DEPTH} levels deep`,
            },
          ],
        };
      }
    }
    const text = options?.text;
    if (quick !== null && (!surrogatesMatter || (text !== undefined && !SURROGATE.test(text)))) {
      try {
        if (quick(data)) return { ok: true };
      } catch {
        // `validate` below says what is wrong.
      }
    }
    try {
      if (validate(data)) return { ok: true };
    } catch (e) {
      return {
        ok: false,
        errors: [
          {
            path: '',
            keyword: 'invalid',
            message: `cannot be validated: ${e instanceof Error ? e.message : String(e)}`,
          },
        ],
      };
    }
    return { ok: false, errors: toFormErrors(form, validate.errors ?? []) };
  };
}

/**
 * Whether a schema has a `minLength` above 1 anywhere (or a property so named: either way the
 * quick pass must not be trusted on texts with surrogate pairs).
 */
function hasMinLengthOver1(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  if (Array.isArray(schema)) return schema.some(hasMinLengthOver1);
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'minLength' && !(typeof value === 'number' && value <= 1)) return true;
    if (hasMinLengthOver1(value)) return true;
  }
  return false;
}

/**
 * Whether a value (at `depth`, the top being 1) has no key that reaches a prototype and no
 * object or list nested deeper than MAX_JSON_DEPTH: one recursive pass, bounded by that depth,
 * that allocates nothing. When it finds either, findForbiddenKey and findTooDeep say which and
 * where, as they always have.
 */
function withinBounds(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth > MAX_JSON_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!withinBounds(value[i], depth + 1)) return false;
    return true;
  }
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) if (FORBIDDEN_KEYS.includes(keys[i]!)) return false;
  for (let i = 0; i < keys.length; i++) {
    if (!withinBounds((value as Record<string, unknown>)[keys[i]!], depth + 1)) return false;
  }
  return true;
}

function toFormErrors(form: FormDefinition, errors: ErrorObject[]): FormError[] {
  const out: FormError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // "must match then schema" repeats the errors of the branch that failed.
    if (e.keyword === 'if') continue;
    const segments = fromPointer(e.instancePath);
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      segments.push(String(e.params.missingProperty));
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      segments.push(String(e.params.additionalProperty));
      message = 'is not a field of this form: remove it';
    } else if (e.keyword === 'maxLength') {
      message = `must be at most ${String(e.params.limit)} characters`;
    } else if (e.keyword === 'maxItems') {
      message = `must have at most ${String(e.params.limit)} items`;
    } else if (e.keyword === 'enum') {
      message = `must be one of: ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    }
    const error: FormError = { path: toPointer(segments), keyword: e.keyword, message };
    const label = fieldAtPointer(form, segments)?.label;
    if (label) error.label = label;
    const id = `${error.path}|${error.keyword}|${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(error);
  }
  return out;
}
