import Ajv, { type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import commonSchema from '../schema/common.schema.json' with { type: 'json' };
import formSchema from '../schema/form.schema.json' with { type: 'json' };
import invariantsSchema from '../schema/invariants.schema.json' with { type: 'json' };
import protocolSchema from '../schema/protocol.schema.json' with { type: 'json' };
import variantSchema from '../schema/variant.schema.json' with { type: 'json' };
import { checkFormRules } from './checkFormRules.js';
import { fromPointer, toPointer } from './jsonPointer.js';
import { nearestName } from './nearestName.js';
import {
  descriptionEs,
  placeOf,
  predicateEs,
  schemaHints as hints,
  schemaMessages as messages,
  unknownSchemaKind,
} from './schemaTexts.js';
import type { FormDefinition, InvariantsFile, Problem, ProtocolFile, Text, VariantFile } from './types.js';

/** The kinds of file the format has, each with its JSON Schema in ../schema. */
export const SCHEMA_KINDS = ['protocol', 'variant', 'form', 'invariants'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/** The type a file of each kind has once it passes its schema. */
export interface FileOfKind {
  protocol: ProtocolFile;
  variant: VariantFile;
  form: FormDefinition;
  invariants: InvariantsFile;
}

export type FileCheck<K extends SchemaKind> =
  { ok: true; value: FileOfKind[K] } | { ok: false; problems: Problem[] };

/**
 * Checks a parsed file against the JSON Schema of its kind. Each problem carries the JSON pointer
 * of the value at fault (for a missing key, where it should be), the state, form or field it
 * concerns, and a hint a protocol designer can act on ("add an English title: title.en").
 * Forms are also checked for what a schema cannot say: x-enumLabels as long as enum, required
 * keys that are fields, examples that the form accepts.
 *
 * @example checkSchema('protocol', JSON.parse(text), 'workflows/child-repatriation.v1.json')
 */
export function checkSchema(kind: SchemaKind, value: unknown, file?: string): Problem[] {
  const result = validateFile(kind, value, file);
  return result.ok ? [] : result.problems;
}

/** checkSchema, giving back the value with its type when it passes. */
export function validateFile<K extends SchemaKind>(kind: K, value: unknown, file?: string): FileCheck<K> {
  if (!SCHEMA_KINDS.includes(kind)) {
    return {
      ok: false,
      problems: [
        {
          code: 'unknown-kind',
          location: { ...(file !== undefined ? { file } : {}), pointer: '/kind' },
          ...unknownSchemaKind(String(kind), SCHEMA_KINDS),
        },
      ],
    };
  }
  const validate = validators()[kind] as ValidateFunction<FileOfKind[K]>;
  if (validate(value)) {
    const extra = kind === 'form' ? checkFormRules(value as FormDefinition, file) : [];
    return extra.length === 0 ? { ok: true, value } : { ok: false, problems: extra };
  }
  return { ok: false, problems: toProblems(kind, validate.errors ?? [], value, file) };
}

let ajv: Ajv | undefined;
let compiled: { [K in SchemaKind]: ValidateFunction<FileOfKind[K]> } | undefined;

function validators(): { [K in SchemaKind]: ValidateFunction<FileOfKind[K]> } {
  if (!compiled) {
    ajv = new Ajv({
      allErrors: true,
      verbose: true,
      strict: true,
      strictTypes: false,
      strictRequired: false,
      inlineRefs: false,
    });
    addFormats(ajv);
    ajv.addSchema([commonSchema, invariantsSchema, protocolSchema, formSchema, variantSchema]);
    compiled = {
      protocol: ajv.getSchema<ProtocolFile>('protocol.schema.json')!,
      variant: ajv.getSchema<VariantFile>('variant.schema.json')!,
      form: ajv.getSchema<FormDefinition>('form.schema.json')!,
      invariants: ajv.getSchema<InvariantsFile>('invariants.schema.json')!,
    };
  }
  return compiled;
}

// ---------------------------------------------------------------------------------------------
// From Ajv errors to problems a designer can act on.

function toProblems(kind: SchemaKind, errors: ErrorObject[], value: unknown, file?: string): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // Wrappers repeat what the errors inside them say.
    if (['if', 'allOf', 'anyOf', 'oneOf', 'propertyNames'].includes(e.keyword)) continue;
    const p = toProblem(kind, e, value, file);
    const id = `${p.location.pointer}|${p.code}|${p.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(p);
  }
  return out;
}

function toProblem(kind: SchemaKind, e: ErrorObject, value: unknown, file?: string): Problem {
  const segments = fromPointer(e.instancePath);
  const where = placeOf(dotted(segments));
  const parent: AnySchemaObject = e.parentSchema ?? {};
  let code = `schema-${kebab(e.keyword)}`;
  let message: Text = messages.invalid(where, e);
  let hint: Text = hints.fixValue();

  if (e.propertyName !== undefined) {
    // An error about a key itself (propertyNames): point at the key.
    segments.push(e.propertyName);
    code = 'schema-key';
    message = messages.keyNotAllowed(e.propertyName, where);
    hint = keyHint(e, parent);
  } else if (e.keyword === 'required') {
    const prop = String(e.params.missingProperty);
    segments.push(prop);
    message = messages.missing(where, prop);
    hint = requiredHint(segments, prop, parent);
  } else if (e.keyword === 'additionalProperties') {
    const prop = String(e.params.additionalProperty);
    segments.push(prop);
    code = 'schema-unknown-property';
    message = messages.notAllowed(prop, where);
    hint = additionalHint(prop, parent);
  } else if (e.keyword === 'type') {
    const wanted = String(e.params.type);
    message = isGuardLogic(parent)
      ? messages.notGuardLogic(where, e.data)
      : messages.wrongType(where, wanted, e.data);
    hint = isGuardLogic(parent) ? hints.writeGuardLogic() : hints.makeType(dotted(segments), wanted);
  } else if (e.keyword === 'enum') {
    const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
    message = messages.notAllowedValue(where, e.data);
    const near = nearestName(String(e.data), (e.params.allowedValues as unknown[]).map(String));
    hint = hints.useOneOf(near, allowed);
  } else if (e.keyword === 'const') {
    message = messages.notConstant(where, e.params.allowedValue);
    hint = hints.setConstant(dotted(segments), e.params.allowedValue);
  } else if (e.keyword === 'pattern' || e.keyword === 'minLength' || e.keyword === 'not') {
    const lang = segments.at(-1);
    if ((lang === 'es' || lang === 'en') && parent === commonSchema.definitions.text.properties[lang]) {
      code = 'schema-empty-text';
      message = messages.emptyText(where);
      hint = hints.writeText(lang, dotted(segments));
    } else {
      message = messages.valueNotAllowed(where, e.data);
      hint = hints.change(dotted(segments), whatItMustBe(parent, e));
    }
  } else if (e.keyword === 'maxProperties' && parent === commonSchema.definitions.jsonLogicOperation) {
    message = messages.severalOperators(where);
    hint = hints.oneOperator();
  } else if (e.keyword === 'minProperties' && parent === commonSchema.definitions.jsonLogicOperation) {
    message = messages.emptyOperation(where);
    hint = hints.writeOperation();
  } else if (e.keyword === 'minItems' || e.keyword === 'minProperties') {
    hint = hints.addAtLeast(String(e.params.limit), e.keyword === 'minItems', dotted(segments));
  } else if (e.keyword === 'uniqueItems') {
    hint = hints.removeRepeated(String(e.params.j), String(e.params.i), dotted(segments));
  } else if (e.keyword === 'minimum' || e.keyword === 'exclusiveMinimum' || e.keyword === 'maximum') {
    hint = hints.useNumber(String(e.params.comparison), String(e.params.limit), dotted(segments));
  } else if (e.keyword === 'format') {
    message = messages.badFormat(where, String(e.params.format));
    hint =
      e.params.format === 'regex'
        ? hints.writeRegex(dotted(segments))
        : hints.writeFormat(String(e.params.format), dotted(segments));
  }

  const problem: Problem = {
    code,
    location: { ...(file !== undefined ? { file } : {}), pointer: toPointer(segments) },
    message: message.en,
    hint: hint.en,
    es: { message: message.es, hint: hint.es },
  };
  addContext(kind, problem, segments, value);
  return problem;
}

function requiredHint(segments: string[], prop: string, parent: AnySchemaObject): Text {
  if ((prop === 'es' || prop === 'en') && segments.length >= 2) {
    const owner = segments.at(-2)!;
    return hints.addText(prop, /^[0-9]+$/.test(owner) ? undefined : owner, dotted(segments));
  }
  if (prop === 'x-label') return hints.addLabel(dotted(segments));
  return hints.add(dotted(segments), describeProperty(parent, prop));
}

function additionalHint(prop: string, parent: AnySchemaObject): Text {
  const allowed = Object.keys((parent.properties as Record<string, unknown> | undefined) ?? {});
  if ((prop === 'title' || prop === 'description') && parent === formSchema.definitions.schema) {
    return hints.removeFieldTitle(prop);
  }
  return hints.remove(prop, nearestName(prop, allowed), allowed);
}

/** The schemas a guard's logic is checked against where a string of code would land. */
function isGuardLogic(parent: AnySchemaObject): boolean {
  const logic = commonSchema.definitions.jsonLogic;
  const value = commonSchema.definitions.jsonLogicValue;
  return parent === logic.else || parent === value.else.else;
}

function keyHint(e: ErrorObject, parent: AnySchemaObject): Text {
  if (e.keyword === 'enum') {
    const allowed = (e.params.allowedValues as unknown[]).map(String);
    return hints.useOneOf(nearestName(String(e.propertyName), allowed), allowed);
  }
  if (e.keyword === 'not') return hints.renameReserved(String(e.propertyName));
  return hints.rename(String(e.propertyName), whatItMustBe(parent, e));
}

/** What a value must be, for a hint: the description of its schema, else what Ajv says. */
function whatItMustBe(parent: AnySchemaObject, e: ErrorObject): Text {
  const description = typeof parent.description === 'string' ? parent.description : undefined;
  return {
    en: lowerFirst(String(parent.description ?? e.message ?? 'see the schema')),
    es: lowerFirst((description && descriptionEs(description)) ?? predicateEs(e)),
  };
}

/** The description of a property of a schema, following a $ref when the property has none of its own. */
function describeProperty(parent: AnySchemaObject, prop: string): Partial<Text> {
  const sub = (parent.properties as Record<string, AnySchemaObject> | undefined)?.[prop];
  if (!sub) return {};
  if (typeof sub.description === 'string') return { en: sub.description, es: descriptionEs(sub.description) };
  if (typeof sub.$ref === 'string' && ajv) {
    const target = ajv.getSchema(sub.$ref)?.schema;
    if (typeof target === 'object' && typeof target.description === 'string') {
      const es = descriptionEs(target.description);
      return { en: lowerFirst(target.description), es: es === undefined ? undefined : lowerFirst(es) };
    }
  }
  return {};
}

/** Fills in the state, form and field a problem concerns, from where it is in the file. */
function addContext(kind: SchemaKind, problem: Problem, segments: string[], value: unknown): void {
  const loc = problem.location;
  if (kind === 'protocol' && segments[0] === 'machine' && segments[1] === 'states') {
    const keys: string[] = [];
    for (let i = 1; i + 1 < segments.length && segments[i] === 'states'; i += 2) keys.push(segments[i + 1]!);
    if (keys.length > 0) loc.state = keys.join('.');
  }
  if (kind === 'form') {
    const id = get(value, ['id']);
    if (typeof id === 'string') loc.form = id;
    if (segments[0] === 'schema') {
      const field = fieldPathOf(segments.slice(1));
      if (field) loc.field = field;
    }
  }
  if (kind === 'variant' && segments[0] === 'changes' && segments[1] !== undefined) {
    const change = get(value, ['changes', segments[1]]);
    const path = get(change, ['path']) ?? get(change, ['from']);
    if (typeof path === 'string' && path !== '') loc.state = path;
    const form = get(change, ['form']);
    const formId = typeof form === 'string' ? form : get(form, ['id']);
    if (typeof formId === 'string') loc.form = formId;
    const field = get(change, ['field']);
    if (typeof field === 'string') loc.field = field;
    else if (segments[2] === 'form' && segments[3] === 'schema') {
      const f = fieldPathOf(segments.slice(4));
      if (f) loc.field = f;
    }
  }
}

/** "properties/victim/properties/name/x-label" -> "victim.name"; items become "[]". */
function fieldPathOf(segments: string[]): string | undefined {
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === 'properties' && segments[i + 1] !== undefined) {
      parts.push(segments[i + 1]!);
      i++;
    } else if (segments[i] === 'items' && parts.length > 0) {
      parts[parts.length - 1] += '[]';
    } else if (
      !['then', 'else', 'allOf', 'dependencies'].includes(segments[i]!) &&
      !/^[0-9]+$/.test(segments[i]!)
    ) {
      break;
    }
  }
  return parts.length > 0 ? parts.join('.') : undefined;
}

function get(value: unknown, path: string[]): unknown {
  let v = value;
  for (const k of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** ["machine", "states", "a", "on", "GO", "0"] -> "machine.states.a.on.GO[0]". */
function dotted(segments: string[]): string {
  let out = '';
  for (const s of segments) out += /^[0-9]+$/.test(s) ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}

function kebab(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function lowerFirst(s: string): string {
  return s.length > 1 && /[A-Z][a-z]/.test(s.slice(0, 2)) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
