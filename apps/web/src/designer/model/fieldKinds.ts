import type { FieldSchema, Text } from '@ruta/protocol';

/** The kinds of field a designer can add; each is a fixed JSON Schema shape rjsf renders. */
export const FIELD_KINDS = [
  'shortText',
  'longText',
  'number',
  'date',
  'yesNo',
  'singleChoice',
  'multipleChoice',
  'group',
  'section',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export type UiNode = Record<string, unknown>;

export interface ChoiceOption {
  value: string;
  label: Text;
}

/** The kind of an existing field, from its schema and uiSchema; "other" for shapes the builder does not make. */
export function fieldKindOf(schema: FieldSchema, ui: UiNode | undefined): FieldKind | 'other' {
  switch (schema.type) {
    case 'object':
      return 'section';
    case 'array':
      if (schema.items?.type === 'object') return 'group';
      if (schema.items?.enum) return 'multipleChoice';
      return 'other';
    case 'boolean':
      return 'yesNo';
    case 'number':
    case 'integer':
      return 'number';
    case 'string':
      if (schema.enum) return 'singleChoice';
      if (schema.format === 'date') return 'date';
      if (ui?.['ui:widget'] === 'textarea') return 'longText';
      return 'shortText';
    default:
      return 'other';
  }
}

/**
 * The schema and uiSchema of a new field of `kind`, keeping the label, help and flags of
 * `previous` when the kind of an existing field changes.
 */
export function schemaForKind(
  kind: FieldKind,
  label: Text,
  previous?: FieldSchema,
  options?: ChoiceOption[],
): { schema: FieldSchema; ui: UiNode } {
  const keep: FieldSchema = { 'x-label': label };
  if (previous?.['x-help']) keep['x-help'] = previous['x-help'];
  if (previous?.['x-sensitive'] !== undefined) keep['x-sensitive'] = previous['x-sensitive'];
  if (previous?.['x-shareable'] !== undefined) keep['x-shareable'] = previous['x-shareable'];
  const opts = options ?? choicesOf(previous) ?? defaultChoices();
  switch (kind) {
    case 'shortText':
      return { schema: { type: 'string', ...keep }, ui: {} };
    case 'longText':
      return { schema: { type: 'string', ...keep }, ui: { 'ui:widget': 'textarea' } };
    case 'number':
      return { schema: { type: 'number', ...keep }, ui: {} };
    case 'date':
      return {
        schema: {
          type: 'string',
          format: 'date',
          ...keep,
          ...(previous?.['x-past'] !== undefined ? { 'x-past': previous['x-past'] } : {}),
        },
        ui: {},
      };
    case 'yesNo':
      return { schema: { type: 'boolean', ...keep }, ui: { 'ui:widget': 'radio' } };
    case 'singleChoice':
      return {
        schema: {
          type: 'string',
          enum: opts.map((o) => o.value),
          'x-enumLabels': opts.map((o) => o.label),
          ...keep,
        },
        ui: { 'ui:widget': 'radio' },
      };
    case 'multipleChoice':
      return {
        schema: {
          type: 'array',
          uniqueItems: true,
          items: { type: 'string', enum: opts.map((o) => o.value), 'x-enumLabels': opts.map((o) => o.label) },
          ...keep,
        },
        ui: { 'ui:widget': 'checkboxes' },
      };
    case 'group':
      return {
        schema: {
          type: 'array',
          items: previous?.items?.type === 'object' ? previous.items : { type: 'object', properties: {} },
          ...keep,
        },
        ui: {},
      };
    case 'section':
      return {
        schema: {
          type: 'object',
          properties: previous?.type === 'object' ? (previous.properties ?? {}) : {},
          ...keep,
        },
        ui: {},
      };
  }
}

/** The choices of a single or multiple choice field, with their labels. */
export function choicesOf(schema: FieldSchema | undefined): ChoiceOption[] | undefined {
  const holder = schema?.type === 'array' ? schema.items : schema;
  if (!holder?.enum) return undefined;
  return holder.enum.map((v, i) => ({
    value: String(v),
    label: holder['x-enumLabels']?.[i] ?? { es: String(v), en: String(v) },
  }));
}

function defaultChoices(): ChoiceOption[] {
  return [
    { value: 'a', label: { es: 'Opción A', en: 'Option A' } },
    { value: 'b', label: { es: 'Opción B', en: 'Option B' } },
  ];
}
