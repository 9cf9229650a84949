import { formFieldTree, type FormField } from './formFields.js';
import { setOwn } from './setOwn.js';
import type { FormDefinition } from './types.js';

/**
 * The part of a submission that may cross a border in a handover (seed 004 §F.2: only what the
 * receiving country needs): the fields marked x-shareable, with everything the form declares
 * inside them except what is marked x-shareable: false. Data the form does not declare never
 * crosses, and neither does a section no shareable field lives in. Returns {} when nothing is
 * shareable.
 *
 * @example
 *   // schema: { victim: { name (shareable), hivStatus } , decision (shareable) }
 *   projectShareable(form, { victim: { name: 'A', hivStatus: 'x' }, decision: 'return' })
 *   // { victim: { name: 'A' }, decision: 'return' }
 */
export function projectShareable(
  form: Pick<FormDefinition, 'schema'>,
  data: unknown,
): Record<string, unknown> {
  const projected = project(formFieldTree(form), data, false);
  return isRecord(projected) ? projected : {};
}

function project(field: FormField, value: unknown, inherited: boolean): unknown {
  const share = field.notShareable ? false : inherited || field.shareable;
  if (field.children.size > 0 || isObjectField(field)) {
    if (!isRecord(value)) return share && value === null ? null : undefined;
    const out: Record<string, unknown> = {};
    for (const [key, child] of field.children) {
      if (!Object.hasOwn(value, key)) continue;
      const p = project(child, value[key], share);
      if (p !== undefined) setOwn(out, key, p);
    }
    return share || Object.keys(out).length > 0 ? out : undefined;
  }
  if (field.items) {
    if (!Array.isArray(value)) return share && value === null ? null : undefined;
    const items = value.map((v) => project(field.items!, v, share));
    if (!share && items.every((i) => i === undefined)) return undefined;
    return items.map((i) => (i === undefined ? null : i));
  }
  if (!share) return undefined;
  return isPrimitive(value) ? value : undefined;
}

function isObjectField(field: FormField): boolean {
  return field.definitions.some((d) => d.type === 'object' || d.properties !== undefined);
}

function isPrimitive(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
