import type { FieldSchema } from '@ruta/protocol';
import type { UiNode } from './fieldKinds.js';

/**
 * How a form's objects hold their fields. A field is either in `properties` (always shown) or,
 * when it is shown only if a sibling has a given value, alone in the `then.properties` of an
 * `allOf` entry `{if: {properties: {sibling: {const: value}}, required: [sibling]}, then: ...}`:
 * the JSON Schema conditional that rjsf renders and Ajv validates.
 */

export type Scalar = string | number | boolean;

/** A sibling field having one of `values` (one value: JSON Schema const; several: enum). */
export interface Condition {
  field: string;
  values: Scalar[];
}

/** Where a field's schema sits in its object: base properties, or the allOf entry that shows it. */
export type FieldSlot =
  { where: 'base' } | { where: 'conditional'; allOfIndex: number; condition: Condition };

export function conditionOf(entry: FieldSchema): Condition | undefined {
  const props = entry.if?.properties;
  if (!props || entry.else !== undefined) return undefined;
  const keys = Object.keys(props);
  if (keys.length !== 1) return undefined;
  const field = keys[0]!;
  const test = props[field] ?? {};
  if (Object.keys(test).length !== 1) return undefined;
  if (isScalar(test.const)) return { field, values: [test.const] };
  if (Array.isArray(test.enum) && test.enum.length > 0 && test.enum.every(isScalar))
    return { field, values: [...test.enum] };
  return undefined;
}

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export function conditionSchema(c: Condition): FieldSchema {
  const test: FieldSchema = c.values.length === 1 ? { const: c.values[0] } : { enum: c.values };
  return { properties: { [c.field]: test }, required: [c.field] };
}

/** The allOf entry that shows `key` only under its condition, if this entry is one. */
export function shownFieldOf(entry: FieldSchema): string | undefined {
  if (!conditionOf(entry) || !entry.then?.properties) return undefined;
  const keys = Object.keys(entry.then.properties);
  const extra = Object.keys(entry.then).filter((k) => k !== 'properties' && k !== 'required');
  return keys.length === 1 && extra.length === 0 ? keys[0] : undefined;
}

/** The fields an allOf entry makes required only under its condition (none if it is not such an entry). */
export function requiredFieldsOf(entry: FieldSchema): string[] {
  if (!conditionOf(entry) || !entry.then || entry.then.properties) return [];
  const extra = Object.keys(entry.then).filter((k) => k !== 'required');
  return extra.length === 0 ? (entry.then.required ?? []) : [];
}

/** Locates the field `key` of an object schema. */
export function slotOf(obj: FieldSchema, key: string): FieldSlot | undefined {
  if (obj.properties && Object.hasOwn(obj.properties, key)) return { where: 'base' };
  const entries = obj.allOf ?? [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (shownFieldOf(e) === key) return { where: 'conditional', allOfIndex: i, condition: conditionOf(e)! };
  }
  return undefined;
}

export function fieldSchemaIn(obj: FieldSchema, key: string): FieldSchema | undefined {
  const slot = slotOf(obj, key);
  if (!slot) return undefined;
  if (slot.where === 'base') return obj.properties![key];
  return obj.allOf![slot.allOfIndex]!.then!.properties![key];
}

/** Every field key of an object, in display order (uiSchema ui:order, then document order). */
export function fieldKeysIn(obj: FieldSchema, ui: UiNode | undefined): string[] {
  const keys = Object.keys(obj.properties ?? {});
  for (const e of obj.allOf ?? []) {
    const k = shownFieldOf(e);
    if (k !== undefined && !keys.includes(k)) keys.push(k);
  }
  const order = ui?.['ui:order'];
  if (!Array.isArray(order)) return keys;
  const ordered = order.filter((k): k is string => typeof k === 'string' && keys.includes(k));
  return [...ordered, ...keys.filter((k) => !ordered.includes(k))];
}

export function uiChild(ui: UiNode | undefined, key: string): UiNode | undefined {
  const v = ui?.[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as UiNode) : undefined;
}

/** The object schema holding the fields of a section or of each entry of a repeating group. */
export function containerOf(field: FieldSchema): FieldSchema | undefined {
  if (field.type === 'object') return field;
  if (field.type === 'array' && field.items?.type === 'object') return field.items;
  return undefined;
}

/** The uiSchema node of the fields inside a section or group. */
export function uiContainerOf(field: FieldSchema, ui: UiNode | undefined): UiNode | undefined {
  return field.type === 'array' ? uiChild(ui, 'items') : ui;
}

/**
 * Rebuilds a form along `segments` (field keys from the root object down to a section or group),
 * replacing the object found there, and its uiSchema, with `fn`'s answer.
 */
export function updateContainer(
  obj: FieldSchema,
  ui: UiNode,
  segments: string[],
  fn: (obj: FieldSchema, ui: UiNode) => { obj: FieldSchema; ui: UiNode },
): { obj: FieldSchema; ui: UiNode } {
  if (segments.length === 0) return fn(obj, ui);
  const [key, ...rest] = segments as [string, ...string[]];
  const field = fieldSchemaIn(obj, key);
  const inner = field && containerOf(field);
  if (!field || !inner) throw new Error(`no section or group at ${key}`);
  const fieldUi = uiChild(ui, key) ?? {};
  const innerUi = uiContainerOf(field, fieldUi) ?? {};
  const done = updateContainer(inner, innerUi, rest, fn);
  const nextField: FieldSchema = field.type === 'array' ? { ...field, items: done.obj } : done.obj;
  const nextFieldUi: UiNode = field.type === 'array' ? { ...fieldUi, items: done.ui } : done.ui;
  return { obj: writeField(obj, key, nextField), ui: writeUi(ui, key, nextFieldUi) };
}

/** Writes the schema of an existing field where it already sits (base or conditional). */
export function writeField(obj: FieldSchema, key: string, schema: FieldSchema): FieldSchema {
  const slot = slotOf(obj, key);
  if (!slot || slot.where === 'base')
    return { ...obj, properties: { ...(obj.properties ?? {}), [key]: schema } };
  const allOf = obj.allOf!.map((e, i) =>
    i === slot.allOfIndex ? { ...e, then: { ...e.then, properties: { [key]: schema } } } : e,
  );
  return { ...obj, allOf };
}

export function writeUi(ui: UiNode, key: string, node: UiNode): UiNode {
  const out = { ...ui };
  if (Object.keys(node).length === 0) delete out[key];
  else out[key] = node;
  return out;
}
