import { findForbiddenKey, findTooDeep, MAX_JSON_DEPTH, normalizeFormSchema, type FormDefinition } from '@ruta/protocol';
import { isRecord, patternMatches, sameValue, typeMatches } from './jsonValues.js';
import type { SubmissionCheck, SubmissionError } from './protocolValidator.js';

type Schema = Record<string, unknown>;

/**
 * The browser's check of a form submission: the schema the server validates with
 * (normalizeFormSchema: closed objects, bounded texts and lists), interpreted without compiling
 * code, because the server's Content-Security-Policy forbids eval, which Ajv needs. It reports
 * what @ruta/protocol's createFormValidator reports (JSON pointer of the field, keyword), and a
 * property test holds it to the same verdicts on every shipped form. The server still validates
 * every step: this only spares the worker a round trip and names the fields at once.
 */
export function submissionCheck(form: FormDefinition): SubmissionCheck {
  const schema = normalizeFormSchema(form.schema) as Schema;
  return (data) => {
    const forbidden = findForbiddenKey(data);
    if (forbidden) {
      return { ok: false, errors: [{ path: forbidden.pointer, keyword: 'forbiddenKey', message: `the key "${forbidden.key}" is not allowed` }] };
    }
    const tooDeep = findTooDeep(data);
    if (tooDeep !== null) {
      return { ok: false, errors: [{ path: tooDeep, keyword: 'maxDepth', message: `is nested more than ${MAX_JSON_DEPTH} levels deep` }] };
    }
    const errors: SubmissionError[] = [];
    check(schema, data, [], errors);
    const seen = new Set<string>();
    const unique = errors.filter((e) => {
      const id = `${e.path}|${e.keyword}|${e.message}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    return unique.length === 0 ? { ok: true } : { ok: false, errors: unique };
  };
}

/** Collects the errors of `data` against `schema` into `out`; returns whether there were none. */
function check(schema: unknown, data: unknown, path: string[], out: SubmissionError[]): boolean {
  if (schema === true || schema === undefined) return true;
  if (schema === false) return add(out, path, 'false schema', 'boolean schema is false');
  if (!isRecord(schema)) return true;
  const s = schema;
  const before = out.length;

  if (s.type !== undefined && !typeMatches(s.type, data)) add(out, path, 'type', `must be ${String(s.type)}`);
  if ('const' in s && !sameValue(s.const, data)) add(out, path, 'const', 'must be equal to constant');
  if (Array.isArray(s.enum) && !s.enum.some((v) => sameValue(v, data))) {
    add(out, path, 'enum', `must be one of: ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  }

  if (isRecord(data)) {
    for (const key of Array.isArray(s.required) ? s.required : []) {
      if (typeof key === 'string' && !Object.hasOwn(data, key)) add(out, [...path, key], 'required', 'is required');
    }
    const props = isRecord(s.properties) ? s.properties : {};
    for (const [key, sub] of Object.entries(props)) {
      if (Object.hasOwn(data, key)) check(sub, data[key], [...path, key], out);
    }
    if (s.additionalProperties === false) {
      for (const key of Object.keys(data)) {
        if (!Object.hasOwn(props, key)) add(out, [...path, key], 'additionalProperties', 'is not a field of this form: remove it');
      }
    } else if (isRecord(s.additionalProperties)) {
      for (const key of Object.keys(data)) {
        if (!Object.hasOwn(props, key)) check(s.additionalProperties, data[key], [...path, key], out);
      }
    }
    if (isRecord(s.dependencies)) {
      for (const [key, dep] of Object.entries(s.dependencies)) {
        if (!Object.hasOwn(data, key)) continue;
        if (Array.isArray(dep)) {
          for (const d of dep) if (typeof d === 'string' && !Object.hasOwn(data, d)) add(out, [...path, d], 'required', 'is required');
        } else check(dep, data, path, out);
      }
    }
  }

  if (Array.isArray(data)) {
    if (typeof s.minItems === 'number' && data.length < s.minItems) add(out, path, 'minItems', `must NOT have fewer than ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && data.length > s.maxItems) add(out, path, 'maxItems', `must have at most ${s.maxItems} items`);
    if (s.uniqueItems === true && data.some((v, i) => data.findIndex((w) => sameValue(v, w)) !== i)) {
      add(out, path, 'uniqueItems', 'must NOT have duplicate items');
    }
    if (isRecord(s.items) || typeof s.items === 'boolean') data.forEach((item, i) => check(s.items, item, [...path, String(i)], out));
  }

  if (typeof data === 'string') {
    const length = [...data].length;
    if (typeof s.minLength === 'number' && length < s.minLength) add(out, path, 'minLength', `must NOT have fewer than ${s.minLength} characters`);
    if (typeof s.maxLength === 'number' && length > s.maxLength) add(out, path, 'maxLength', `must be at most ${s.maxLength} characters`);
    if (typeof s.pattern === 'string' && !patternMatches(s.pattern, data)) add(out, path, 'pattern', `must match pattern "${s.pattern}"`);
    if (typeof s.format === 'string' && !formatHolds(s.format, data)) add(out, path, 'format', `must match format "${s.format}"`);
  }

  if (typeof data === 'number') {
    if (typeof s.minimum === 'number' && data < s.minimum) add(out, path, 'minimum', `must be >= ${s.minimum}`);
    if (typeof s.maximum === 'number' && data > s.maximum) add(out, path, 'maximum', `must be <= ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && data <= s.exclusiveMinimum) add(out, path, 'exclusiveMinimum', `must be > ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === 'number' && data >= s.exclusiveMaximum) add(out, path, 'exclusiveMaximum', `must be < ${s.exclusiveMaximum}`);
    if (typeof s.multipleOf === 'number' && s.multipleOf > 0 && !isMultiple(data, s.multipleOf)) add(out, path, 'multipleOf', `must be multiple of ${s.multipleOf}`);
  }

  if (s.not !== undefined && check(s.not, data, path, [])) add(out, path, 'not', 'must NOT be valid');
  for (const sub of Array.isArray(s.allOf) ? s.allOf : []) check(sub, data, path, out);
  if (Array.isArray(s.anyOf)) {
    const tries = s.anyOf.map((sub) => {
      const errs: SubmissionError[] = [];
      return { ok: check(sub, data, path, errs), errs };
    });
    if (!tries.some((r) => r.ok)) {
      for (const r of tries) out.push(...r.errs);
      add(out, path, 'anyOf', 'must match a schema in anyOf');
    }
  }
  if (Array.isArray(s.oneOf)) {
    const passing = s.oneOf.filter((sub) => check(sub, data, path, [])).length;
    if (passing !== 1) add(out, path, 'oneOf', 'must match exactly one schema in oneOf');
  }
  if (s.if !== undefined) {
    const branch = check(s.if, data, path, []) ? s.then : s.else;
    if (branch !== undefined) check(branch, data, path, out);
  }
  return out.length === before;
}

function add(out: SubmissionError[], path: string[], keyword: string, message: string): false {
  out.push({ path: pointer(path), keyword, message });
  return false;
}

function pointer(path: string[]): string {
  return path.length === 0 ? '' : `/${path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}


const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)$/i;

/** The formats forms use, as ajv-formats' "full" mode checks them; others are not checked here. */
function formatHolds(format: string, value: string): boolean {
  switch (format) {
    case 'date':
      return isDate(value);
    case 'time':
      return isTime(value);
    case 'date-time': {
      const parts = value.split(/t|\s/i);
      return parts.length === 2 && isDate(parts[0]!) && isTime(parts[1]!);
    }
    case 'email':
      return /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(value);
    default:
      return true;
  }
}

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]!);
}

function isTime(value: string): boolean {
  const m = TIME.exec(value);
  if (!m) return false;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = Number(m[3]);
  const tzHour = Number(m[6] ?? 0);
  const tzMinute = Number(m[7] ?? 0);
  if (tzHour > 23 || tzMinute > 59) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  // A leap second is 23:59:60 in UTC.
  const sign = m[5] === '-' ? -1 : 1;
  const utcMinute = minute - sign * tzMinute;
  const utcHour = hour - sign * tzHour - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}


function isMultiple(value: number, of: number): boolean {
  const q = value / of;
  return Math.abs(q - Math.round(q)) < 1e-8;
}
