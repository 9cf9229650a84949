import { createFormValidator } from './createFormValidator.js';
import { formTexts as texts } from './formTexts.js';
import { sameLevelSchemas } from './formFields.js';
import { fromPointer, toPointer } from './jsonPointer.js';
import type { FieldSchema, FormDefinition, Problem } from './types.js';

/**
 * What a form's JSON Schema cannot say about itself: every choice of an enum has a label when
 * labels are given, `required` names fields the object has, and every example is a submission
 * the form accepts. Run on forms that already pass form.schema.json.
 */
export function checkFormRules(form: FormDefinition, file?: string): Problem[] {
  const out: Problem[] = [];
  const base = (pointer: (string | number)[], field?: string): Problem['location'] => ({
    ...(file !== undefined ? { file } : {}),
    pointer: toPointer(pointer),
    form: form.id,
    ...(field ? { field } : {}),
  });

  const visit = (
    s: FieldSchema,
    pointer: (string | number)[],
    field: string,
    declared: Set<string> | null,
  ) => {
    const labels = s['x-enumLabels'];
    if (labels && (!s.enum || labels.length !== s.enum.length)) {
      out.push({
        code: 'form-enum-labels',
        location: base([...pointer, 'x-enumLabels'], field || undefined),
        ...texts.formEnumLabels(field, s.enum?.length, labels.length),
      });
    }
    // The keys an object may require: its own fields and those its conditions add.
    const own = new Set<string>(declared ?? []);
    for (const sub of sameLevelSchemas(s)) for (const k of Object.keys(sub.properties ?? {})) own.add(k);
    (s.required ?? []).forEach((key, i) => {
      if (own.has(key)) return;
      out.push({
        code: 'form-required-unknown',
        location: base([...pointer, 'required', i], field || undefined),
        ...texts.formRequiredUnknown(field, key),
      });
    });
    for (const [key, sub] of Object.entries(s.properties ?? {})) {
      visit(sub, [...pointer, 'properties', key], field ? `${field}.${key}` : key, null);
    }
    if (s.items) visit(s.items, [...pointer, 'items'], `${field}[]`, null);
    if (s.then) visit(s.then, [...pointer, 'then'], field, own);
    if (s.else) visit(s.else, [...pointer, 'else'], field, own);
    s.allOf?.forEach((sub, i) => visit(sub, [...pointer, 'allOf', i], field, own));
    for (const [key, dep] of Object.entries(s.dependencies ?? {})) {
      if (Array.isArray(dep)) {
        dep.forEach((k, i) => {
          if (own.has(k)) return;
          out.push({
            code: 'form-required-unknown',
            location: base([...pointer, 'dependencies', key, i], field || undefined),
            ...texts.formDependencyUnknown(k, key),
          });
        });
      } else {
        visit(dep, [...pointer, 'dependencies', key], field, own);
      }
    }
  };
  visit(form.schema, ['schema'], '', null);

  if (out.length === 0) {
    const validate = createFormValidator(form);
    (form.examples ?? []).forEach((example, i) => {
      const result = validate(example);
      if (result.ok) return;
      for (const error of result.errors) {
        out.push({
          code: 'form-example-invalid',
          location: base(['examples', i, ...fromPointer(error.path)]),
          ...texts.formExampleInvalid(form.id, i, error),
        });
      }
    });
  }
  return out;
}
