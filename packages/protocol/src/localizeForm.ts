import { listFormFields } from './formFields.js';
import { DEFAULT_MAX_ITEMS, DEFAULT_MAX_LENGTH, isBoundedFormat } from './normalizeFormSchema.js';
import type { FieldSchema, FormDefinition, Lang, SchemaKeywords } from './types.js';

/** A JSON Schema as react-jsonschema-form renders it: titles and descriptions in one language. */
export interface LocalizedSchema extends SchemaKeywords<LocalizedSchema> {
  title?: string;
  description?: string;
  /** The choices of an enum with their labels: rjsf renders these as a select with titles. */
  oneOf?: { const: string | number | boolean; title: string }[];
}

/**
 * Pass as `experimental_defaultFormStateBehavior` to rjsf's Form with forms from localizeForm:
 * by default rjsf 6 fills every labelled choice (oneOf of consts) with its first option, so a
 * value nobody chose would be submitted.
 */
export const RJSF_DEFAULT_FORM_STATE_BEHAVIOR = { constAsDefaults: 'skipOneOf' } as const;

/** Class name of the fields holding sensitive data, for the UI to mask and mark them. */
export const SENSITIVE_CLASS = 'ruta-sensitive';

/**
 * A form ready for react-jsonschema-form in one language: labels (x-label) become `title`, help
 * (x-help) `description`, labelled choices become `oneOf: [{const, title}]` (what rjsf 6 renders
 * as a select), and texts and lists get the same bounds the validator enforces. In the uiSchema,
 * every sensitive field gets the class "ruta-sensitive" and `ui:options.sensitive: true`.
 *
 * Validate submissions with createFormValidator(form), the validator the server uses, rather
 * than with rjsf's own validator over this schema: the strict checks live there.
 */
export function localizeForm(
  form: FormDefinition,
  lang: Lang,
): { schema: LocalizedSchema; uiSchema: Record<string, unknown> } {
  const schema = localize(form.schema, lang, 'field');
  schema.title = form.title[lang];
  if (form.description) schema.description = form.description[lang];
  const uiSchema = structuredClone(form.uiSchema ?? {});
  for (const field of listFormFields(form)) {
    if (!field.sensitive) continue;
    const ui = uiNodeAt(uiSchema, field.path);
    const classes = typeof ui['ui:classNames'] === 'string' ? ui['ui:classNames'].split(/\s+/) : [];
    if (!classes.includes(SENSITIVE_CLASS)) classes.push(SENSITIVE_CLASS);
    ui['ui:classNames'] = classes.filter((c) => c !== '').join(' ');
    const options = isRecord(ui['ui:options']) ? ui['ui:options'] : {};
    ui['ui:options'] = { ...options, sensitive: true };
  }
  return { schema, uiSchema };
}

type Role = 'field' | 'condition';

function localize(s: FieldSchema, lang: Lang, role: Role): LocalizedSchema {
  const out: LocalizedSchema = {};
  if (s.type !== undefined) out.type = s.type;
  if (s['x-label']) out.title = s['x-label'][lang];
  if (s['x-help']) out.description = s['x-help'][lang];
  if (s.properties) {
    out.properties = Object.fromEntries(
      Object.entries(s.properties).map(([k, v]) => [k, localize(v, lang, role)]),
    );
  }
  if (s.required) out.required = [...s.required];
  if (s.items) out.items = localize(s.items, lang, role);
  if (s.enum) {
    const labels = s['x-enumLabels'];
    if (labels && labels.length === s.enum.length && role === 'field') {
      out.oneOf = s.enum.map((value, i) => ({ const: value, title: labels[i]![lang] }));
    } else {
      out.enum = [...s.enum];
    }
  }
  for (const k of [
    'format',
    'minLength',
    'maxLength',
    'minimum',
    'maximum',
    'minItems',
    'maxItems',
    'uniqueItems',
    'pattern',
    'additionalProperties',
  ] as const) {
    if (s[k] !== undefined) (out as Record<string, unknown>)[k] = s[k];
  }
  if (s.default !== undefined) out.default = structuredClone(s.default);
  if (s.const !== undefined) out.const = structuredClone(s.const);
  if (role === 'field') {
    if (s.type === 'string' && s.maxLength === undefined && !isBoundedFormat(s.format))
      out.maxLength = DEFAULT_MAX_LENGTH;
    if (s.type === 'array' && s.maxItems === undefined) out.maxItems = DEFAULT_MAX_ITEMS;
  }
  if (s.if) out.if = localize(s.if, lang, 'condition');
  if (s.then) out.then = localize(s.then, lang, role);
  if (s.else) out.else = localize(s.else, lang, role);
  if (s.allOf) out.allOf = s.allOf.map((sub) => localize(sub, lang, role));
  if (s.dependencies) {
    out.dependencies = Object.fromEntries(
      Object.entries(s.dependencies).map(([k, v]) => [
        k,
        Array.isArray(v) ? [...v] : localize(v, lang, role),
      ]),
    );
  }
  return out;
}

/** The uiSchema node of a field path ("relatives[].name" -> uiSchema.relatives.items.name), created if missing. */
function uiNodeAt(uiSchema: Record<string, unknown>, path: string): Record<string, unknown> {
  let node = uiSchema;
  for (const part of path.split('.')) {
    const m = /^(.*?)((?:\[\])*)$/.exec(part)!;
    node = child(node, m[1]!);
    for (let i = 0; i < m[2]!.length / 2; i++) node = child(node, 'items');
  }
  return node;
}

function child(node: Record<string, unknown>, key: string): Record<string, unknown> {
  const existing = node[key];
  if (isRecord(existing)) return existing;
  const created: Record<string, unknown> = {};
  node[key] = created;
  return created;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
