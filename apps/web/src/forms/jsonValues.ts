/**
 * JSON Schema's notions of values, as the browser's schema interpreters (schemaHolds,
 * validateSubmission) need them, without compiling code (the Content-Security-Policy forbids eval).
 */

/** A JSON object (not a list, not null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether a value has the JSON Schema `type` (one name or a list of them). */
export function typeMatches(type: unknown, data: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => {
    switch (t) {
      case 'object':
        return isRecord(data);
      case 'array':
        return Array.isArray(data);
      case 'string':
        return typeof data === 'string';
      case 'boolean':
        return typeof data === 'boolean';
      case 'null':
        return data === null;
      case 'number':
        return typeof data === 'number' && Number.isFinite(data);
      case 'integer':
        return typeof data === 'number' && Number.isInteger(data);
      default:
        return true;
    }
  });
}

/** JSON equality, as `const` and `enum` compare (object keys in any order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** Whether a `pattern` matches; a pattern this browser cannot compile is taken as satisfied (the server decides). */
export function patternMatches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}
