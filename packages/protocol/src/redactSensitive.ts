import { formFieldTree, type FormField } from './formFields.js';
import { setOwn } from './setOwn.js';
import type { FormDefinition } from './types.js';

/** What a sensitive value is replaced with until it is revealed with a stated reason. */
export const RESERVED = '[reserved]';

/**
 * A copy of a submission with every sensitive value (x-sensitive, in any branch of the form)
 * replaced by "[reserved]". Values the form does not declare (for example a field a later
 * version removed) are reserved too: what the form cannot vouch for is not shown.
 *
 * @example redactSensitive(form, { name: 'A', age: 12 }) // { name: '[reserved]', age: 12 }
 */
export function redactSensitive(form: Pick<FormDefinition, 'schema'>, data: unknown): unknown {
  return redact(formFieldTree(form), data);
}

function redact(field: FormField, value: unknown): unknown {
  if (field.sensitive) return RESERVED;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    return field.items ? value.map((v) => redact(field.items!, v)) : value.map(() => RESERVED);
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const child = field.children.get(key);
    setOwn(out, key, child ? redact(child, v) : RESERVED);
  }
  return out;
}
