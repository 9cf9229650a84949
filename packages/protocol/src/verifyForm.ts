import { createFormValidator } from './createFormValidator.js';
import { formTexts as texts } from './formTexts.js';
import { escapePointer } from './stateTree.js';
import type { FieldSchema, FormDefinition, Problem } from './types.js';
import { listOf } from './verifyListOf.js';

/**
 * Problems of one form: a schema JSON Schema (draft-07) cannot compile, fields without a label
 * in both languages, choices (`enum`) whose labels are missing or do not match one to one,
 * required fields that are not defined, and sample submissions the schema rejects.
 * `pointer` is where the form sits in the file being verified ("" for a form file,
 * "/forms/<id>" inside a resolved protocol).
 */
export function verifyForm(form: FormDefinition, options: { pointer?: string } = {}): Problem[] {
  const base = options.pointer ?? '';
  const problems: Problem[] = [];
  const where = (pointer: string, field?: string) => ({
    pointer: `${base}${pointer}`,
    form: form.id,
    ...(field === undefined ? {} : { field }),
  });

  if (typeof form?.schema !== 'object' || form.schema === null || Array.isArray(form.schema)) {
    return [
      {
        code: 'form-schema-invalid',
        location: { pointer: `${base}/schema`, form: String(form?.id ?? '') },
        ...texts.formWithoutSchema(String(form?.id ?? '')),
      },
    ];
  }
  // The validator cases are checked with at run time: the same compile, the same strictness.
  const validate = createFormValidator(form);
  const probe = validate({});
  const broken = probe.ok ? undefined : probe.errors.find((e) => e.keyword === 'schema');
  if (broken) {
    problems.push({
      code: 'form-schema-invalid',
      location: where('/schema'),
      ...texts.formSchemaInvalid(broken),
    });
  }

  walkObject(form.schema, '/schema', '', problems, where);

  if (!broken) {
    listOf(form.examples).forEach((example, index) => {
      const result = validate(example);
      if (result.ok) return;
      const error = result.errors[0];
      const at = error?.path ?? '';
      problems.push({
        code: 'example-invalid',
        location: where(`/examples/${index}${at}`, at === '' ? undefined : at.slice(1).replace(/\//g, '.')),
        ...texts.exampleInvalid(form.id, index, error),
      });
    });
  }
  return problems;
}

type Where = (pointer: string, field?: string) => Problem['location'];

/** Checks the fields of an object schema, and of the conditional parts that add fields to it. */
function walkObject(
  schema: FieldSchema | undefined,
  pointer: string,
  prefix: string,
  problems: Problem[],
  where: Where,
): void {
  if (!schema || typeof schema !== 'object') return;
  const own = schema.properties ?? {};
  const conditional: [FieldSchema | undefined, string][] = [
    [schema.then, '/then'],
    [schema.else, '/else'],
    ...listOf(schema.allOf).map((s, i): [FieldSchema, string] => [s, `/allOf/${i}`]),
    ...Object.entries(schema.dependencies ?? {})
      .filter((e): e is [string, FieldSchema] => !Array.isArray(e[1]))
      .map(([k, s]): [FieldSchema, string] => [s, `/dependencies/${escapePointer(k)}`]),
  ];
  const defined = new Set(Object.keys(own));
  for (const [part] of conditional) for (const key of Object.keys(part?.properties ?? {})) defined.add(key);

  for (const [key, field] of Object.entries(own))
    walkField(field, `${pointer}/properties/${escapePointer(key)}`, join(prefix, key), problems, where);
  for (const [part, suffix] of conditional) {
    if (!part) continue;
    // A conditional part either refines a field already defined (no label needed) or adds one.
    for (const [key, field] of Object.entries(part.properties ?? {})) {
      if (!Object.hasOwn(own, key))
        walkField(
          field,
          `${pointer}${suffix}/properties/${escapePointer(key)}`,
          join(prefix, key),
          problems,
          where,
        );
    }
    checkRequired(part.required, defined, `${pointer}${suffix}/required`, prefix, problems, where);
  }
  checkRequired(schema.required, defined, `${pointer}/required`, prefix, problems, where);
}

function walkField(
  field: FieldSchema,
  pointer: string,
  path: string,
  problems: Problem[],
  where: Where,
): void {
  if (!field || typeof field !== 'object') return;
  const label = field['x-label'];
  if (
    !label ||
    typeof label.es !== 'string' ||
    !label.es.trim() ||
    typeof label.en !== 'string' ||
    !label.en.trim()
  ) {
    problems.push({
      code: 'field-without-label',
      location: where(`${pointer}/x-label`, path),
      ...texts.fieldWithoutLabel(path, !label?.es?.trim?.() ? (!label?.en?.trim?.() ? 'both' : 'es') : 'en'),
    });
  }
  checkChoices(field, pointer, path, problems, where);
  checkProtectionNeed(field, pointer, path, problems, where);
  if (field.items) checkChoices(field.items, `${pointer}/items`, path, problems, where);
  if (field.type === 'object' || field.properties) walkObject(field, pointer, path, problems, where);
  if (field.items && (field.items.type === 'object' || field.items.properties))
    walkObject(field.items, `${pointer}/items`, path, problems, where);
}

function checkChoices(
  field: FieldSchema,
  pointer: string,
  path: string,
  problems: Problem[],
  where: Where,
): void {
  const choices = field.enum;
  const labels = field['x-enumLabels'];
  if (!choices && !labels) return;
  if (choices && !labels) {
    problems.push({
      code: 'enum-without-labels',
      location: where(`${pointer}/enum`, path),
      ...texts.enumWithoutLabels(path, choices),
    });
    return;
  }
  if (!choices || !labels || choices.length !== labels.length) {
    problems.push({
      code: 'enum-labels-mismatch',
      location: where(`${pointer}/x-enumLabels`, path),
      ...texts.enumLabelsCount(path, choices?.length ?? 0, labels?.length ?? 0),
    });
    return;
  }
  labels.forEach((text, index) => {
    if (
      !text ||
      typeof text.es !== 'string' ||
      !text.es.trim() ||
      typeof text.en !== 'string' ||
      !text.en.trim()
    ) {
      problems.push({
        code: 'enum-labels-mismatch',
        location: where(`${pointer}/x-enumLabels/${index}`, path),
        ...texts.enumLabelIncomplete(path, String(choices[index])),
      });
    }
  });
}

/**
 * x-protectionNeed names answers of the field's own choices (of its items' for a list): an answer
 * it cannot record would leave the handover rule blind to the one it can.
 */
function checkProtectionNeed(
  field: FieldSchema,
  pointer: string,
  path: string,
  problems: Problem[],
  where: Where,
): void {
  if (!Object.hasOwn(field, 'x-protectionNeed')) return;
  const declared = field['x-protectionNeed'];
  const choices = field.enum ?? field.items?.enum ?? (field.const !== undefined ? [field.const] : undefined);
  if (!Array.isArray(choices)) {
    problems.push({
      code: 'protection-need-not-a-choice',
      location: where(`${pointer}/x-protectionNeed`, path),
      ...texts.protectionNeedNotAChoice(path),
    });
    return;
  }
  if (!Array.isArray(declared) || declared.length === 0) {
    problems.push({
      code: 'protection-need-unknown-value',
      location: where(`${pointer}/x-protectionNeed`, path),
      ...texts.protectionNeedEmpty(path, choices),
    });
    return;
  }
  declared.forEach((value, index) => {
    if (choices.includes(value as string | number | boolean)) return;
    problems.push({
      code: 'protection-need-unknown-value',
      location: where(`${pointer}/x-protectionNeed/${index}`, path),
      ...texts.protectionNeedUnknownValue(path, value, choices),
    });
  });
}

function checkRequired(
  required: string[] | undefined,
  defined: Set<string>,
  pointer: string,
  prefix: string,
  problems: Problem[],
  where: Where,
): void {
  listOf(required).forEach((name, index) => {
    if (defined.has(name)) return;
    problems.push({
      code: 'required-field-missing',
      location: where(`${pointer}/${index}`, join(prefix, name)),
      ...texts.requiredFieldMissing(join(prefix, name), name),
    });
  });
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}
