import type { FieldSchema, FormDefinition, Text } from '@ruta/protocol';
import type { DesignDoc } from './DesignDoc.js';
import { EditError } from './EditError.js';
import { fieldKindOf, schemaForKind } from './fieldKinds.js';
import type { ChoiceOption, FieldKind, UiNode } from './fieldKinds.js';
import {
  conditionOf,
  conditionSchema,
  fieldKeysIn,
  fieldSchemaIn,
  requiredFieldsOf,
  shownFieldOf,
  slotOf,
  uiChild,
  updateContainer,
  writeField,
  writeUi,
} from './formTree.js';
import type { Condition } from './formTree.js';
import { uniqueKebab, uniqueKey } from './uniqueKey.js';

type Container = { obj: FieldSchema; ui: UiNode };

/** Form ids are kebab-case, like the files in forms/. */
export const FORM_ID = /^[a-z][a-z0-9-]*$/;
/** Field keys: letters, digits and "_" (the data is stored under them). */
export const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Creates an empty form; attach it to a state with updateStateMeta(doc, path, { form: id }).
 * Its id is made from the Spanish title, prefixed with the country in a national protocol
 * ("hn-verificacion-dinaf") so it never collides with a regional form.
 */
export function addForm(doc: DesignDoc, spec: { title: Text; id?: string }): { doc: DesignDoc; id: string } {
  const prefix = doc.jurisdiction === 'REGIONAL' ? '' : `${doc.jurisdiction.toLowerCase()} `;
  const id =
    spec.id ?? uniqueKebab(`${prefix}${spec.title.es || spec.title.en}`, Object.keys(doc.forms), 'form');
  if (!FORM_ID.test(id)) throw new EditError('bad-form-id', { id });
  if (Object.hasOwn(doc.forms, id)) throw new EditError('duplicate-form-id', { id });
  const form: FormDefinition = {
    kind: 'form',
    id,
    version: 1,
    title: spec.title,
    schema: { type: 'object', properties: {} },
  };
  return { doc: { ...doc, forms: { ...doc.forms, [id]: form } }, id };
}

/** Adds a field of `kind` at the end of the form (or of the section or group at `containerPath`). */
export function addField(
  doc: DesignDoc,
  formId: string,
  containerPath: string,
  spec: { kind: FieldKind; label: Text; key?: string },
): { doc: DesignDoc; path: string } {
  let path = '';
  const next = editContainer(doc, formId, containerPath, ({ obj, ui }) => {
    const keys = fieldKeysIn(obj, ui);
    const key = spec.key ?? uniqueKey(spec.label.es || spec.label.en, keys, 'field');
    checkKey(key, keys);
    path = containerPath === '' ? key : `${containerPath}.${key}`;
    const made = schemaForKind(spec.kind, spec.label);
    // A new field goes last: ui:order ends with "*" (which places it) unless a hand-written one does not.
    let nextUi = writeUi(ui, key, made.ui);
    const order = ui['ui:order'];
    if (Array.isArray(order) && !order.includes('*')) nextUi = { ...nextUi, 'ui:order': [...order, key] };
    return { obj: { ...obj, properties: { ...(obj.properties ?? {}), [key]: made.schema } }, ui: nextUi };
  });
  return { doc: next, path };
}

export interface FieldPatch {
  /** A new key: the name the data is stored under. */
  key?: string;
  label?: Text;
  /** Help text under the field; null removes it. */
  help?: Text | null;
  required?: boolean;
  kind?: FieldKind;
  options?: ChoiceOption[];
  /** Identifying or intimate data, hidden until revealed with a reason. */
  sensitive?: boolean;
  /** May cross a border in a handover packet. */
  shareable?: boolean;
  /** A date of something that happened (x-past): not later than the step recording it. */
  past?: boolean;
}

/** Changes a field's key, label, help, requirement, kind, choices or flags. Returns its (new) path. */
export function updateField(
  doc: DesignDoc,
  formId: string,
  path: string,
  patch: FieldPatch,
): { doc: DesignDoc; path: string } {
  const { container, key } = split(path);
  let newPath = path;
  let next = editContainer(doc, formId, container, (c) => {
    let { obj, ui } = c;
    const field = fieldSchemaIn(obj, key);
    if (!field) throw new EditError('unknown-field', { form: formId, field: path });
    let schema: FieldSchema = { ...field };
    let fieldUi: UiNode = uiChild(ui, key) ?? {};
    if (patch.kind !== undefined || patch.options !== undefined) {
      const kind = patch.kind ?? fieldKindOf(field, fieldUi);
      if (kind === 'other') throw new EditError('field-kind-unsupported', { field: path });
      if (patch.options !== undefined) checkOptions(patch.options);
      const made = schemaForKind(kind, field['x-label'] ?? { es: key, en: key }, field, patch.options);
      schema = made.schema;
      const keepUi = Object.fromEntries(Object.entries(fieldUi).filter(([k]) => !k.startsWith('ui:widget')));
      fieldUi = { ...keepUi, ...made.ui };
    }
    // A label may be half-typed (the designer clears it to retype): the verifier reports it until complete.
    if (patch.label !== undefined) schema['x-label'] = patch.label;
    if (patch.help !== undefined) {
      if (patch.help === null) delete schema['x-help'];
      else schema['x-help'] = patch.help;
    }
    if (patch.sensitive !== undefined) {
      if (patch.sensitive) schema['x-sensitive'] = true;
      else delete schema['x-sensitive'];
    }
    if (patch.shareable !== undefined) {
      if (patch.shareable) schema['x-shareable'] = true;
      else delete schema['x-shareable'];
    }
    if (patch.past !== undefined) {
      if (patch.past) schema['x-past'] = true;
      else delete schema['x-past'];
    }
    obj = writeField(obj, key, schema);
    ui = writeUi(ui, key, fieldUi);
    if (patch.required !== undefined) obj = setRequired(obj, key, patch.required);
    if (patch.key !== undefined && patch.key !== key) {
      checkKey(patch.key, fieldKeysIn(obj, ui));
      ({ obj, ui } = renameKey(obj, ui, key, patch.key));
      newPath = container === '' ? patch.key : `${container}.${patch.key}`;
    }
    return { obj, ui };
  });
  // Sample submissions follow: a renamed field keeps its value, a field of another kind loses it.
  if (patch.kind !== undefined || patch.options !== undefined)
    next = editExamples(next, formId, path, () => undefined);
  if (newPath !== path)
    next = editExamples(next, formId, path, (v) => v, newPath.slice(newPath.lastIndexOf('.') + 1));
  return { doc: next, path: newPath };
}

/**
 * Removes a field. Fields that were shown only depending on it become always shown, and the
 * conditions that made others required on it go too.
 */
export function removeField(doc: DesignDoc, formId: string, path: string): DesignDoc {
  const { container, key } = split(path);
  const next = editContainer(doc, formId, container, ({ obj, ui }) => {
    if (!slotOf(obj, key)) throw new EditError('unknown-field', { form: formId, field: path });
    let out: FieldSchema = { ...obj };
    // Dependants first: a field shown only when this one has a value becomes always shown.
    for (const e of obj.allOf ?? []) {
      const shown = shownFieldOf(e);
      if (shown !== undefined && conditionOf(e)?.field === key) {
        out = makeUnconditional(out, shown);
      }
    }
    const properties = { ...(out.properties ?? {}) };
    delete properties[key];
    out.properties = properties;
    const required = (out.required ?? []).filter((k) => k !== key);
    if (required.length) out.required = required;
    else delete out.required;
    const allOf = (out.allOf ?? []).flatMap((e) => withoutField(e, key));
    if (allOf.length) out.allOf = allOf;
    else delete out.allOf;
    const nextUi = { ...ui };
    delete nextUi[key];
    const order = ui['ui:order'];
    if (Array.isArray(order)) nextUi['ui:order'] = order.filter((k) => k !== key);
    return { obj: out, ui: nextUi };
  });
  // Sample submissions must stay valid: the value of a removed field goes with it.
  return editExamples(next, formId, path, () => undefined);
}

/** Moves a field to position `to` among its siblings. */
export function moveField(doc: DesignDoc, formId: string, path: string, to: number): DesignDoc {
  const { container, key } = split(path);
  return editContainer(doc, formId, container, ({ obj, ui }) => {
    const keys = fieldKeysIn(obj, ui);
    const from = keys.indexOf(key);
    if (from < 0) throw new EditError('unknown-field', { form: formId, field: path });
    keys.splice(from, 1);
    keys.splice(Math.max(0, Math.min(keys.length, to)), 0, key);
    return { obj, ui: withOrder(ui, keys) };
  });
}

/**
 * Makes a field shown only when a sibling has a value (visibleWhen), and/or required only when
 * a sibling has a value (requiredWhen). null removes the condition; undefined leaves it.
 */
export function setFieldConditions(
  doc: DesignDoc,
  formId: string,
  path: string,
  conditions: { visibleWhen?: Condition | null; requiredWhen?: Condition | null },
): DesignDoc {
  const { container, key } = split(path);
  return editContainer(doc, formId, container, ({ obj, ui }) => {
    const slot = slotOf(obj, key);
    if (!slot) throw new EditError('unknown-field', { form: formId, field: path });
    for (const c of [conditions.visibleWhen, conditions.requiredWhen]) {
      if (!c) continue;
      if (c.field === key) throw new EditError('condition-on-itself', { field: path });
      if (!slotOf(obj, c.field))
        throw new EditError('condition-field-not-sibling', { field: path, other: c.field });
    }
    let out = obj;
    if (conditions.visibleWhen !== undefined) {
      out = makeUnconditional(out, key);
      if (conditions.visibleWhen !== null) out = makeConditional(out, key, conditions.visibleWhen);
    }
    if (conditions.requiredWhen !== undefined) {
      const allOf = (out.allOf ?? []).flatMap((e) =>
        requiredFieldsOf(e).includes(key) ? dropRequired(e, key) : [e],
      );
      if (conditions.requiredWhen !== null) {
        out = setRequired(out, key, false);
        allOf.push({ if: conditionSchema(conditions.requiredWhen), then: { required: [key] } });
      }
      out = { ...out, allOf };
      if (allOf.length === 0) delete out.allOf;
    }
    return { obj: out, ui: keepOrder(ui, fieldKeysIn(obj, ui)) };
  });
}

/**
 * An allOf entry with every mention of a removed field taken out: dropped from what it requires
 * (the entry goes when nothing is left), and an entry whose condition tests the field goes too
 * (its `else`, which then always applies, stays in its place).
 */
function withoutField(e: FieldSchema, key: string): FieldSchema[] {
  if (shownFieldOf(e) === key) return [];
  if (e.if?.properties && Object.hasOwn(e.if.properties, key)) return e.else ? [e.else] : [];
  const out: FieldSchema = { ...e };
  for (const branch of ['then', 'else'] as const) {
    const b = e[branch];
    if (!b?.required?.includes(key)) continue;
    const required = b.required.filter((k) => k !== key);
    const next: FieldSchema = { ...b, required };
    if (required.length === 0) delete next.required;
    if (Object.keys(next).length === 0) delete out[branch];
    else out[branch] = next;
  }
  return out.then || out.else ? [out] : [];
}

/** A "required when" entry without `key` among the fields it requires. */
function dropRequired(e: FieldSchema, key: string): FieldSchema[] {
  const required = (e.then?.required ?? []).filter((k) => k !== key);
  return required.length ? [{ ...e, then: { ...e.then, required } }] : [];
}

function makeConditional(obj: FieldSchema, key: string, c: Condition): FieldSchema {
  const schema = obj.properties?.[key];
  if (!schema) return obj;
  const wasRequired = (obj.required ?? []).includes(key);
  const properties = { ...obj.properties };
  delete properties[key];
  const out: FieldSchema = { ...obj, properties };
  const required = (obj.required ?? []).filter((k) => k !== key);
  if (required.length) out.required = required;
  else delete out.required;
  const then: FieldSchema = { properties: { [key]: schema } };
  if (wasRequired) then.required = [key];
  out.allOf = [...(obj.allOf ?? []), { if: conditionSchema(c), then }];
  // An object closed by hand would hide the field rjsf adds from the condition (merging allOf
  // drops what additionalProperties forbids). Closing is redundant anyway: normalizeFormSchema
  // closes every object, declaring the fields its conditions add, when submissions are validated.
  if (out.additionalProperties === false) delete out.additionalProperties;
  return out;
}

function makeUnconditional(obj: FieldSchema, key: string): FieldSchema {
  const slot = slotOf(obj, key);
  if (!slot || slot.where === 'base') return obj;
  const entry = obj.allOf![slot.allOfIndex]!;
  const out: FieldSchema = {
    ...obj,
    properties: { ...(obj.properties ?? {}), [key]: entry.then!.properties![key]! },
  };
  const allOf = obj.allOf!.filter((_, i) => i !== slot.allOfIndex);
  if (allOf.length) out.allOf = allOf;
  else delete out.allOf;
  return (entry.then!.required ?? []).includes(key) ? setRequired(out, key, true) : out;
}

function setRequired(obj: FieldSchema, key: string, required: boolean): FieldSchema {
  const slot = slotOf(obj, key);
  if (!slot) return obj;
  if (slot.where === 'base') {
    const list = (obj.required ?? []).filter((k) => k !== key);
    if (required) list.push(key);
    const out: FieldSchema = { ...obj, required: list };
    if (list.length === 0) delete out.required;
    return out;
  }
  const allOf = obj.allOf!.map((e, i) => {
    if (i !== slot.allOfIndex) return e;
    const then: FieldSchema = { ...e.then, required: required ? [key] : [] };
    if (!required) delete then.required;
    return { ...e, then };
  });
  return { ...obj, allOf };
}

function renameKey(obj: FieldSchema, ui: UiNode, from: string, to: string): Container {
  const renameProps = (p: Record<string, FieldSchema> | undefined) =>
    p && Object.fromEntries(Object.entries(p).map(([k, v]) => [k === from ? to : k, v]));
  const renameList = (l: string[] | undefined) => l?.map((k) => (k === from ? to : k));
  const renameIn = (s: FieldSchema | undefined): FieldSchema | undefined => {
    if (!s) return s;
    const out: FieldSchema = { ...s };
    if (s.properties) out.properties = renameProps(s.properties)!;
    if (s.required) out.required = renameList(s.required)!;
    return out;
  };
  const out: FieldSchema = { ...obj };
  if (obj.properties) out.properties = renameProps(obj.properties)!;
  if (obj.required) out.required = renameList(obj.required)!;
  if (obj.allOf)
    out.allOf = obj.allOf.map((e) => {
      const r: FieldSchema = { ...e };
      if (e.if) r.if = renameIn(e.if)!;
      if (e.then) r.then = renameIn(e.then)!;
      if (e.else) r.else = renameIn(e.else)!;
      return r;
    });
  const nextUi: UiNode = {};
  for (const [k, v] of Object.entries(ui)) nextUi[k === from ? to : k] = v;
  const order = fieldKeysIn(obj, ui).map((k) => (k === from ? to : k));
  return { obj: out, ui: withOrder(nextUi, order) };
}

/** Pins the current order when a field moves between properties and a conditional (which would reorder it). */
function keepOrder(ui: UiNode, keys: string[]): UiNode {
  const order = ui['ui:order'];
  if (Array.isArray(order) && keys.every((k) => order.includes(k))) return ui;
  return withOrder(ui, keys);
}

function withOrder(ui: UiNode, keys: string[]): UiNode {
  return { ...ui, 'ui:order': [...keys, '*'] };
}

function checkKey(key: string, taken: string[]): void {
  if (!FIELD_KEY.test(key)) throw new EditError('bad-field-key', { key });
  if (taken.includes(key)) throw new EditError('duplicate-field-key', { key });
}

function checkOptions(options: ChoiceOption[]): void {
  if (options.length === 0) throw new EditError('choices-empty', {});
  const values = options.map((o) => o.value.trim());
  if (values.some((v) => v === '')) throw new EditError('choice-value-empty', {});
  const twice = values.find((v, i) => values.indexOf(v) !== i);
  if (twice !== undefined) throw new EditError('choice-value-duplicate', { value: twice });
}

/**
 * Rewrites the value at `path` in every sample submission of a form: `fn` gives the new value
 * (undefined removes it), stored under `renameTo` when given. Repeating groups are walked entry
 * by entry.
 */
function editExamples(
  doc: DesignDoc,
  formId: string,
  path: string,
  fn: (v: unknown) => unknown,
  renameTo?: string,
): DesignDoc {
  const form = doc.forms[formId];
  if (!form?.examples?.length) return doc;
  const segments = path.split('.');
  const edit = (value: unknown, i: number): unknown => {
    if (Array.isArray(value)) return value.map((v) => edit(v, i));
    if (typeof value !== 'object' || value === null) return value;
    const key = segments[i]!;
    if (!Object.hasOwn(value, key)) return value;
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (k !== key) {
        out[k] = v;
        continue;
      }
      const next = i === segments.length - 1 ? fn(v) : edit(v, i + 1);
      if (next !== undefined) out[i === segments.length - 1 && renameTo !== undefined ? renameTo : k] = next;
    }
    return out;
  };
  const examples = form.examples.map((e) => edit(e, 0) as Record<string, unknown>);
  return { ...doc, forms: { ...doc.forms, [formId]: { ...form, examples } } };
}

function split(path: string): { container: string; key: string } {
  const i = path.lastIndexOf('.');
  return i < 0 ? { container: '', key: path } : { container: path.slice(0, i), key: path.slice(i + 1) };
}

function editContainer(
  doc: DesignDoc,
  formId: string,
  containerPath: string,
  fn: (c: Container) => Container,
): DesignDoc {
  const form = Object.hasOwn(doc.forms, formId) ? doc.forms[formId] : undefined;
  if (!form) throw new EditError('unknown-form', { form: formId });
  const segments = containerPath === '' ? [] : containerPath.split('.');
  let done: Container;
  try {
    done = updateContainer(form.schema, (form.uiSchema ?? {}) as UiNode, segments, (obj, ui) =>
      fn({ obj, ui }),
    );
  } catch (e) {
    if (e instanceof EditError) throw e;
    throw new EditError('unknown-field', { form: formId, field: containerPath });
  }
  const next: FormDefinition = { ...form, schema: done.obj as FormDefinition['schema'] };
  if (Object.keys(done.ui).length) next.uiSchema = done.ui;
  else delete next.uiSchema;
  return { ...doc, forms: { ...doc.forms, [formId]: next } };
}

/** Changes a form's title or description. */
export function updateFormMeta(
  doc: DesignDoc,
  formId: string,
  patch: { title?: Text; description?: Text | null },
): DesignDoc {
  const form = Object.hasOwn(doc.forms, formId) ? doc.forms[formId] : undefined;
  if (!form) throw new EditError('unknown-form', { form: formId });
  const next: FormDefinition = { ...form };
  if (patch.title) next.title = patch.title;
  if (patch.description === null) delete next.description;
  else if (patch.description) next.description = patch.description;
  return { ...doc, forms: { ...doc.forms, [formId]: next } };
}

/**
 * Keeps `data` as a sample submission of the form (the simulator and tests start from these),
 * or removes sample `removeIndex`.
 */
export function setFormExample(
  doc: DesignDoc,
  formId: string,
  change: { add: Record<string, unknown> } | { removeIndex: number },
): DesignDoc {
  const form = Object.hasOwn(doc.forms, formId) ? doc.forms[formId] : undefined;
  if (!form) throw new EditError('unknown-form', { form: formId });
  const examples = [...(form.examples ?? [])];
  if ('add' in change) examples.push(change.add);
  else examples.splice(change.removeIndex, 1);
  const next: FormDefinition = { ...form, examples };
  if (examples.length === 0) delete next.examples;
  return { ...doc, forms: { ...doc.forms, [formId]: next } };
}
