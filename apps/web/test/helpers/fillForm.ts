import type { Locator } from 'playwright-core';
import type { FieldSchema, FormDefinition, Lang } from '@ruta/protocol';

/**
 * Fills an rjsf step form in the browser the way a worker would, field by field, from a sample
 * submission: selects by the visible label of the choice, radios and checkboxes by clicking,
 * dates typed. `panel` is the step's section on the case page. Fields appear in the form's
 * order, so a field shown on a condition is there once the answer it depends on is given.
 */
export async function fillForm(
  panel: Locator,
  form: FormDefinition,
  data: Record<string, unknown>,
  lang: Lang,
): Promise<void> {
  const legendId = await panel.locator('.step-form legend[id$="__title"]').first().getAttribute('id');
  if (!legendId) throw new Error(`no rjsf form in the panel for ${form.id}`);
  const prefix = legendId.slice(0, -'__title'.length);
  const props = form.schema.properties ?? {};
  const order = (form.uiSchema?.['ui:order'] as string[] | undefined)?.filter((k) => k !== '*') ?? [];
  const keys = [...order.filter((k) => k in data), ...Object.keys(data).filter((k) => !order.includes(k))];
  for (const key of keys) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    const field = props[key] ?? fieldInBranches(form.schema, key);
    if (!field) throw new Error(`${form.id} has no field ${key}`);
    await fillField(panel, `${prefix}_${key}`, field, value, lang, `${form.id}.${key}`);
  }
}

async function fillField(
  panel: Locator,
  id: string,
  field: FieldSchema,
  value: unknown,
  lang: Lang,
  name: string,
) {
  const el = panel.locator(`[id="${id}"]`);
  await el.waitFor({ state: 'attached', timeout: 5_000 }).catch(() => {
    throw new Error(`field ${name} (#${id}) is not on the form`);
  });
  const tag = await el.evaluate((e) => e.tagName.toLowerCase());
  const type = (await el.getAttribute('type')) ?? '';
  if (tag === 'select') {
    const options = field.enum ?? [];
    const i = options.indexOf(value as never);
    const label = field['x-enumLabels']?.[i]?.[lang];
    await el.selectOption(label ? { label } : { label: String(value) });
  } else if (tag === 'input' && type === 'checkbox') {
    await el.setChecked(value === true);
  } else if (tag === 'div') {
    // A radio group or a set of checkboxes: option inputs are "<id>-<index>".
    if (Array.isArray(value)) {
      const options = field.items?.enum ?? [];
      for (const v of value) await panel.locator(`[id="${id}-${options.indexOf(v as never)}"]`).check();
    } else {
      const options: unknown[] = field.enum ?? (field.type === 'boolean' ? [true, false] : []);
      const i = options.indexOf(value);
      if (i < 0) throw new Error(`${name}: ${JSON.stringify(value)} is not one of its choices`);
      await panel.locator(`[id="${id}-${i}"]`).check();
    }
  } else if (type === 'datetime-local') {
    await el.fill(String(value).slice(0, 16));
  } else if (type === 'date') {
    await el.fill(String(value).slice(0, 10));
  } else {
    await el.fill(String(value));
  }
}

function fieldInBranches(schema: FieldSchema, key: string): FieldSchema | undefined {
  for (const b of [schema.then, schema.else, ...(schema.allOf ?? [])]) {
    if (!b) continue;
    const found = b.properties?.[key] ?? fieldInBranches(b, key);
    if (found) return found;
  }
  return undefined;
}
