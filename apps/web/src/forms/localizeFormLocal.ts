import type { FieldSchema, FormDefinition, Lang, Text } from '@ruta/protocol';

/**
 * Stand-in for @ruta/protocol's `localizeForm` until it is exported: the rjsf schema and
 * uiSchema of a form in one language. x-label -> title, x-help -> ui:help, x-enumLabels ->
 * ui:enumNames; the form's own uiSchema wins where it says something.
 */
export function localizeFormLocal(
  form: FormDefinition,
  lang: Lang,
): { schema: Record<string, unknown>; uiSchema: Record<string, unknown> } {
  const pick = (t: Text | undefined) => (t ? t[lang] || t.es : undefined);
  const ui: Record<string, unknown> = {};
  const schema = walk(form.schema, ui, pick) as Record<string, unknown>;
  schema.title = pick(form.title);
  if (form.description) schema.description = pick(form.description);
  return { schema, uiSchema: mergeUi(ui, form.uiSchema ?? {}) };
}

function walk(
  s: FieldSchema,
  ui: Record<string, unknown>,
  pick: (t: Text | undefined) => string | undefined,
): FieldSchema & { title?: string } {
  const out: FieldSchema & { title?: string } = { ...s };
  const label = pick(s['x-label']);
  if (label) out.title = label;
  const help = pick(s['x-help']);
  if (help) ui['ui:help'] = help;
  if (s['x-enumLabels'] && s.enum) ui['ui:enumNames'] = s['x-enumLabels'].map((l) => pick(l) ?? '');
  if (s.properties) {
    out.properties = {};
    for (const [k, child] of Object.entries(s.properties)) {
      const childUi = (ui[k] as Record<string, unknown> | undefined) ?? {};
      out.properties[k] = walk(child, childUi, pick);
      if (Object.keys(childUi).length > 0) ui[k] = childUi;
    }
  }
  if (s.items) {
    const itemsUi = (ui.items as Record<string, unknown> | undefined) ?? {};
    out.items = walk(s.items, itemsUi, pick);
    if (Object.keys(itemsUi).length > 0) ui.items = itemsUi;
  }
  // Conditional branches add or constrain fields of this same object: same uiSchema level.
  for (const key of ['if', 'then', 'else'] as const) {
    const branch = s[key];
    if (branch) out[key] = walk(branch, ui, pick);
  }
  if (s.allOf) out.allOf = s.allOf.map((b) => walk(b, ui, pick));
  if (s.dependencies) {
    out.dependencies = {};
    for (const [k, dep] of Object.entries(s.dependencies)) {
      out.dependencies[k] = Array.isArray(dep) ? dep : walk(dep, ui, pick);
    }
  }
  return out;
}

function mergeUi(generated: Record<string, unknown>, authored: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...generated };
  for (const [k, v] of Object.entries(authored)) {
    const g = out[k];
    out[k] =
      isPlain(g) && isPlain(v) ? mergeUi(g as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

function isPlain(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
