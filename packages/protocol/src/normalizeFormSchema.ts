import { deepEqual } from './deepEqual.js';
import { sameLevelSchemas } from './formFields.js';
import type { FieldSchema } from './types.js';

/** A form schema ready for validation: may carry `anyOf` where branches define a field differently. */
export type NormalizedFieldSchema = FieldSchema & { anyOf?: FieldSchema[] };

/** Longest text a field accepts when its author set no maxLength. */
export const DEFAULT_MAX_LENGTH = 2000;
/** Most items a list accepts when its author set no maxItems. */
export const DEFAULT_MAX_ITEMS = 200;

/** Formats that bound a string's length by themselves. */
const BOUNDED_FORMATS = new Set([
  'date',
  'time',
  'date-time',
  'iso-time',
  'iso-date-time',
  'duration',
  'uuid',
  'ipv4',
  'ipv6',
  'int32',
  'int64',
  'float',
  'double',
]);

/**
 * Makes a form schema strict and bounded without the author writing it: every object refuses
 * fields it does not declare (additionalProperties: false), every string gets maxLength 2000
 * (dates and other bounded formats excepted) and every list maxItems 200, unless the author set
 * a bound. Returns a new schema; the argument is not changed.
 *
 * A field declared only inside a condition (if/then/else, allOf, dependencies) is also declared
 * on its object, so the object accepts it; its own schema still applies whenever it is present.
 *
 * @example normalizeFormSchema({ type: 'object', properties: { name: { type: 'string' } } })
 *   // { type: 'object', properties: { name: { type: 'string', maxLength: 2000 } }, additionalProperties: false }
 */
export function normalizeFormSchema(schema: FieldSchema): NormalizedFieldSchema {
  return normalizeField(structuredClone(schema));
}

/** A schema that describes a value: objects closed, strings and lists bounded. */
function normalizeField(schema: FieldSchema): NormalizedFieldSchema {
  const out = normalizeBranch(schema);
  if (isObjectSchema(schema)) {
    const properties: Record<string, NormalizedFieldSchema> = { ...(out.properties ?? {}) };
    for (const [key, defs] of branchOnlyProperties(schema)) {
      const first = defs[0]!;
      properties[key] = defs.every((d) => deepEqual(d, first))
        ? normalizeField(first)
        : { anyOf: defs.map((d) => normalizeField(d)) };
    }
    out.properties = properties;
    out.additionalProperties = false;
  }
  if (schema.type === 'string' && schema.maxLength === undefined && !isBoundedFormat(schema.format)) {
    out.maxLength = DEFAULT_MAX_LENGTH;
  }
  if (schema.type === 'array' && schema.maxItems === undefined) out.maxItems = DEFAULT_MAX_ITEMS;
  return out;
}

/**
 * A schema applied to an object alongside others (then/else/allOf/dependencies): its fields are
 * normalized, but it does not close the object itself, or it would refuse its siblings' fields.
 */
function normalizeBranch(schema: FieldSchema): NormalizedFieldSchema {
  const out: NormalizedFieldSchema = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, normalizeField(v)]),
    );
  }
  if (schema.items) out.items = normalizeField(schema.items);
  // `if` is a condition on the data, not a description of it: bounds or closing would change its meaning.
  if (schema.then) out.then = normalizeBranch(schema.then);
  if (schema.else) out.else = normalizeBranch(schema.else);
  if (schema.allOf) out.allOf = schema.allOf.map((s) => normalizeBranch(s));
  if (schema.dependencies) {
    out.dependencies = Object.fromEntries(
      Object.entries(schema.dependencies).map(([k, v]) => [
        k,
        Array.isArray(v) ? [...v] : normalizeBranch(v),
      ]),
    );
  }
  return out;
}

/** Whether a string format bounds the length of the text by itself (a date, a uuid, ...). */
export function isBoundedFormat(format: string | undefined): boolean {
  return format !== undefined && BOUNDED_FORMATS.has(format);
}

function isObjectSchema(schema: FieldSchema): boolean {
  return schema.type === 'object' || (schema.type === undefined && schema.properties !== undefined);
}

/** Fields declared only inside the conditional branches of an object schema, with every definition. */
function branchOnlyProperties(schema: FieldSchema): Map<string, FieldSchema[]> {
  const out = new Map<string, FieldSchema[]>();
  for (const branch of sameLevelSchemas(schema).slice(1)) {
    for (const [key, def] of Object.entries(branch.properties ?? {})) {
      if (schema.properties && Object.hasOwn(schema.properties, key)) continue;
      out.set(key, [...(out.get(key) ?? []), def]);
    }
  }
  return out;
}
