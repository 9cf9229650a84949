import { isRecord, patternMatches, sameValue, typeMatches } from './jsonValues.js';

/**
 * Whether data satisfies a JSON Schema, for the keywords form conditions use (type, const, enum,
 * required, properties, items, bounds, pattern, not/allOf/anyOf/oneOf, if/then/else); other
 * keywords (format, annotations) are taken as satisfied.
 *
 * rjsf asks this only to decide which conditional fields to show. It is evaluated without
 * compiling code, because the server's Content-Security-Policy forbids eval (which Ajv needs);
 * whether a submission is valid is decided by @ruta/protocol's validator, never by this.
 */
export function schemaHolds(schema: unknown, data: unknown): boolean {
  if (schema === true || schema === undefined) return true;
  if (schema === false) return false;
  if (typeof schema !== 'object' || schema === null) return true;
  const s = schema as Record<string, unknown>;

  if (s.type !== undefined && !typeMatches(s.type, data)) return false;
  if ('const' in s && !sameValue(s.const, data)) return false;
  if (Array.isArray(s.enum) && !s.enum.some((v) => sameValue(v, data))) return false;

  if (isRecord(data)) {
    if (Array.isArray(s.required) && !s.required.every((k) => typeof k === 'string' && Object.hasOwn(data, k)))
      return false;
    if (isRecord(s.properties)) {
      for (const [k, sub] of Object.entries(s.properties)) {
        if (Object.hasOwn(data, k) && !schemaHolds(sub, data[k])) return false;
      }
    }
  }
  if (Array.isArray(data)) {
    if (typeof s.minItems === 'number' && data.length < s.minItems) return false;
    if (typeof s.maxItems === 'number' && data.length > s.maxItems) return false;
    if (s.items !== undefined && !Array.isArray(s.items) && !data.every((d) => schemaHolds(s.items, d))) return false;
    if (s.contains !== undefined && !data.some((d) => schemaHolds(s.contains, d))) return false;
  }
  if (typeof data === 'number') {
    if (typeof s.minimum === 'number' && data < s.minimum) return false;
    if (typeof s.maximum === 'number' && data > s.maximum) return false;
    if (typeof s.exclusiveMinimum === 'number' && data <= s.exclusiveMinimum) return false;
    if (typeof s.exclusiveMaximum === 'number' && data >= s.exclusiveMaximum) return false;
  }
  if (typeof data === 'string') {
    const length = [...data].length;
    if (typeof s.minLength === 'number' && length < s.minLength) return false;
    if (typeof s.maxLength === 'number' && length > s.maxLength) return false;
    if (typeof s.pattern === 'string' && !patternMatches(s.pattern, data)) return false;
  }

  if (s.not !== undefined && schemaHolds(s.not, data)) return false;
  if (Array.isArray(s.allOf) && !s.allOf.every((sub) => schemaHolds(sub, data))) return false;
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => schemaHolds(sub, data))) return false;
  if (Array.isArray(s.oneOf) && s.oneOf.filter((sub) => schemaHolds(sub, data)).length !== 1) return false;
  if (s.if !== undefined) {
    const branch = schemaHolds(s.if, data) ? s.then : s.else;
    if (branch !== undefined && !schemaHolds(branch, data)) return false;
  }
  if (isRecord(s.dependencies) && isRecord(data)) {
    for (const [k, dep] of Object.entries(s.dependencies)) {
      if (!Object.hasOwn(data, k)) continue;
      if (Array.isArray(dep) ? !dep.every((d) => typeof d === 'string' && Object.hasOwn(data, d)) : !schemaHolds(dep, data))
        return false;
    }
  }
  return true;
}
