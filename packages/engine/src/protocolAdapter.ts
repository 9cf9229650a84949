/**
 * TEMPORARY: the form, guard and key-checking functions @ruta/protocol is about to export
 * (createFormValidator, evaluateGuard, findForbiddenKey), with the signatures agreed for them.
 * The engine imports them from here only; once @ruta/protocol exports them this file
 * re-exports theirs and the local implementations go.
 */
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import jsonLogic from 'json-logic-js';
import type { FieldSchema, FormDefinition, JsonLogic } from '@ruta/protocol';

export interface FormError {
  path: string;
  keyword: string;
  message: string;
}
export type FormValidation = { ok: true } | { ok: false; errors: FormError[] };
export type FormValidator = (data: unknown) => FormValidation;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

export function createFormValidator(form: FormDefinition): FormValidator {
  const validate = ajv.compile(strictSchema(form.schema));
  return (data) => {
    if (validate(data)) return { ok: true };
    return { ok: false, errors: (validate.errors ?? []).map(toFormError) };
  };
}

function toFormError(e: ErrorObject): FormError {
  const extra =
    e.keyword === 'required' ? `/${String((e.params as { missingProperty: string }).missingProperty)}`
    : e.keyword === 'additionalProperties' ? `/${String((e.params as { additionalProperty: string }).additionalProperty)}`
    : '';
  return { path: e.instancePath + extra || '/', keyword: e.keyword, message: e.message ?? e.keyword };
}

function strictSchema(s: FieldSchema): FieldSchema {
  const out: FieldSchema = { ...s };
  if (s.type === 'object') {
    out.additionalProperties = s.additionalProperties ?? false;
    if (s.properties) {
      out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, strictSchema(v)]));
    }
  }
  if (s.type === 'string' && s.maxLength === undefined && s.enum === undefined) out.maxLength = 10_000;
  if (s.items) out.items = strictSchema(s.items);
  return out;
}

export function evaluateGuard(logic: JsonLogic, scope: { case: Record<string, unknown>; form: unknown }): boolean {
  return Boolean(evaluateLogic(logic, scope));
}

export function evaluateLogic(logic: JsonLogic, scope: object): unknown {
  return jsonLogic.apply(logic as jsonLogic.RulesLogic, scope);
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function findForbiddenKey(value: unknown, pointer = ''): { key: string; pointer: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], `${pointer}/${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const p = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (FORBIDDEN.has(key)) return { key, pointer: p };
    const found = findForbiddenKey((value as Record<string, unknown>)[key], p);
    if (found !== null) return found;
  }
  return null;
}
