import type { FieldSchema, FormDefinition, Text } from './types.js';

/**
 * A field of a form with every schema that defines it: the one under `properties` and any
 * redefinition inside if/then/else, allOf or dependencies (a field shown only on one branch
 * is still a field of the form).
 *
 * Paths are dotted keys into nested sections; the items of a list are written "[]":
 * "victim.dateOfBirth", "relatives[].name".
 */
export interface FormField {
  path: string;
  key: string;
  /** Every schema that defines the field, the one under `properties` first. */
  definitions: FieldSchema[];
  /** Fields of a section, by key. */
  children: Map<string, FormField>;
  /** The items of a list field. */
  items?: FormField;
  /** Listed in its section's top-level `required` (not only inside a condition). */
  required: boolean;
  label?: Text;
  /** Some definition marks it x-sensitive. */
  sensitive: boolean;
  /** Some definition marks it x-shareable: true, none marks it false. */
  shareable: boolean;
  /** A definition marks it x-shareable: false: nothing of it crosses a border, even inside a shareable section. */
  notShareable: boolean;
}

const cache = new WeakMap<FieldSchema, FormField>();

/** The tree of a form's fields; the root stands for the whole submission (path ""). */
export function formFieldTree(form: Pick<FormDefinition, 'schema'>): FormField {
  let tree = cache.get(form.schema);
  if (!tree) {
    tree = buildField('', '', [form.schema], false);
    cache.set(form.schema, tree);
  }
  return tree;
}

/**
 * listFormFields of a form as it is now: read from a copy, since the field tree is cached by
 * schema object and variant changes edit schemas in place.
 */
export function currentFormFields(form: Pick<FormDefinition, 'schema'>): FormField[] {
  return listFormFields({ schema: structuredClone(form.schema) });
}

/** Every field of a form, parents before children, in document order (the root excluded). */
export function listFormFields(form: Pick<FormDefinition, 'schema'>): FormField[] {
  const out: FormField[] = [];
  const visit = (f: FormField) => {
    for (const child of f.children.values()) {
      out.push(child);
      visit(child);
    }
    if (f.items) {
      out.push(f.items);
      visit(f.items);
    }
  };
  visit(formFieldTree(form));
  return out;
}

/** The field at a path ("victim.name", "relatives[].name"), or undefined. */
export function findFormField(form: Pick<FormDefinition, 'schema'>, path: string): FormField | undefined {
  let field: FormField | undefined = formFieldTree(form);
  if (path === '') return field;
  for (const part of path.split('.')) {
    const arrays = /^(.*?)((?:\[\])*)$/.exec(part)!;
    field = field?.children.get(arrays[1]!);
    for (let i = 0; i < arrays[2]!.length / 2; i++) field = field?.items;
    if (!field) return undefined;
  }
  return field;
}

/**
 * The field a data pointer lands on ("/relatives/0/name" -> the field "relatives[].name"),
 * or undefined for data the form does not declare.
 */
export function fieldAtPointer(
  form: Pick<FormDefinition, 'schema'>,
  segments: readonly string[],
): FormField | undefined {
  let field: FormField | undefined = formFieldTree(form);
  for (const seg of segments) {
    if (!field) return undefined;
    field = field.items && /^(0|[1-9][0-9]*)$/.test(seg) ? field.items : field.children.get(seg);
  }
  return field;
}

/** Paths of the fields marked x-sensitive (their whole content is sensitive). */
export function sensitivePaths(form: Pick<FormDefinition, 'schema'>): string[] {
  return listFormFields(form)
    .filter((f) => f.sensitive)
    .map((f) => f.path);
}

/** Paths of the fields marked x-shareable (their content may cross a border, except parts marked false). */
export function shareablePaths(form: Pick<FormDefinition, 'schema'>): string[] {
  return listFormFields(form)
    .filter((f) => f.shareable)
    .map((f) => f.path);
}

/** The schemas that apply to the same object as `schema`: itself and its conditional branches. */
export function sameLevelSchemas(schema: FieldSchema): FieldSchema[] {
  const out: FieldSchema[] = [];
  const visit = (s: FieldSchema) => {
    out.push(s);
    if (s.then) visit(s.then);
    if (s.else) visit(s.else);
    for (const sub of s.allOf ?? []) visit(sub);
    for (const dep of Object.values(s.dependencies ?? {})) if (!Array.isArray(dep)) visit(dep);
  };
  visit(schema);
  return out;
}

function buildField(path: string, key: string, definitions: FieldSchema[], required: boolean): FormField {
  const props = new Map<string, FieldSchema[]>();
  const requiredKeys = new Set<string>();
  const items: FieldSchema[] = [];
  for (const def of definitions) {
    for (const r of def.required ?? []) requiredKeys.add(r);
    for (const s of sameLevelSchemas(def)) {
      for (const [k, sub] of Object.entries(s.properties ?? {})) {
        const list = props.get(k) ?? [];
        list.push(sub);
        props.set(k, list);
      }
      if (s.items) items.push(s.items);
    }
  }
  const children = new Map<string, FormField>();
  for (const [k, defs] of props) {
    children.set(k, buildField(path === '' ? k : `${path}.${k}`, k, defs, requiredKeys.has(k)));
  }
  const marks = definitions.map((d) => d['x-shareable']);
  const field: FormField = {
    path,
    key,
    definitions,
    children,
    required,
    sensitive: definitions.some((d) => d['x-sensitive'] === true),
    shareable: marks.includes(true) && !marks.includes(false),
    notShareable: marks.includes(false),
  };
  const label = definitions.find((d) => d['x-label'])?.['x-label'];
  if (label) field.label = label;
  if (items.length > 0) field.items = buildField(`${path}[]`, '[]', items, false);
  return field;
}
