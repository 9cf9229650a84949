import jsonLogic from 'json-logic-js';
import { FORBIDDEN_KEYS, MAX_JSON_DEPTH } from './parseJson.js';
import type { JsonLogic } from './types.js';

/** What a guard reads: the case's recorded forms (by form id) and the form being submitted. */
export interface GuardScope {
  case: Record<string, unknown>;
  form: unknown;
}

/** The JSON Logic operators a guard may use: no logging, no custom operations. */
export const GUARD_OPERATORS: readonly string[] = [
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'map',
  'filter',
  'reduce',
  'all',
  'none',
  'some',
  'merge',
  'in',
  'cat',
  'substr',
];

const OPERATOR_SET: ReadonlySet<string> = new Set(GUARD_OPERATORS);

export interface GuardExplanation {
  result: boolean;
  /** Why the guard could not be evaluated (it then counts as false). */
  error?: string;
  /** Paths the guard reads that hold no value in the scope. */
  missing: string[];
}

/**
 * Whether a guard holds for a case: JSON Logic over `{ case, form }`, true when the result is
 * truthy in JSON Logic's sense (an empty list is false). Never throws: a guard that cannot be
 * evaluated (an unknown operator, a key like "__proto__" in a path, data of the wrong shape)
 * is false; explainGuard says why.
 *
 * @example evaluateGuard({ '==': [{ var: 'form.decision' }, 'return'] }, { case: {}, form: { decision: 'return' } }) // true
 */
export function evaluateGuard(logic: JsonLogic, scope: GuardScope): boolean {
  return run(logic, scope).result;
}

/** evaluateGuard with the reasons: the error that made it false, and the paths it read that were empty. */
export function explainGuard(logic: JsonLogic, scope: GuardScope): GuardExplanation {
  const { result, error } = run(logic, scope);
  const missing: string[] = [];
  try {
    collectMissing(logic, scope, missing);
  } catch {
    // A malformed guard already has its error; there is nothing more to say about its paths.
  }
  const out: GuardExplanation = { result, missing };
  if (error !== undefined) out.error = error;
  return out;
}

/** A guard checked once and ready to run many times: see prepareGuard. */
export type PreparedGuard = (scope: GuardScope) => boolean;

/**
 * evaluateGuard split in two, for a guard evaluated again and again (the engine's, on every
 * step): the logic is checked once here, on a private copy (so changing `logic` later changes
 * nothing), and each call copies only the parts of the scope the guard reads (the whole scope
 * when a path is computed at run time) instead of everything recorded so far. Gives exactly
 * evaluateGuard(logic, scope); never throws.
 *
 * @example
 *   const isMinor = prepareGuard({ '<': [{ var: 'case.screening.age' }, 18] });
 *   isMinor({ case: c.data, form: submitted }) // same as evaluateGuard(logic, { case: c.data, form: submitted })
 */
export function prepareGuard(logic: JsonLogic): PreparedGuard {
  let own: JsonLogic;
  try {
    own = structuredClone(logic);
  } catch {
    // Not plain data: nothing can be prepared, so every call checks it afresh.
    return (scope) => evaluateGuard(logic, scope);
  }
  if (checkLogic(own, 0) !== null) return () => false;
  const reads = scopeReads(own);
  return (scope) => {
    try {
      const data = reads === null ? safeData(scope, 0) : safePart(scope, reads, 0);
      return jsonLogic.truthy(jsonLogic.apply(own, data));
    } catch {
      return false;
    }
  };
}

/** The paths a guard reads from its scope, as a tree of path segments. */
interface ReadTree {
  /** The value here is read whole (by a path that ends here). */
  whole: boolean;
  children: Map<string, ReadTree>;
}

/** Operations whose logic after the first argument runs on each item of a list, not on the scope. */
const ITEM_OPERATIONS = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);

/**
 * Every path of the scope json-logic-js will read when it evaluates `logic`, or null when they
 * cannot all be known beforehand: a path computed at run time, the whole scope (`{"var": ""}`),
 * names of `missing` that are not written out.
 */
function scopeReads(logic: unknown): ReadTree | null {
  const root: ReadTree = { whole: false, children: new Map() };
  return collectReads(logic, root) ? root : null;
}

function collectReads(node: unknown, root: ReadTree): boolean {
  if (Array.isArray(node)) return node.every((n) => collectReads(n, root));
  if (typeof node !== 'object' || node === null) return true;
  const keys = Object.keys(node);
  // json-logic-js runs only objects of one key; any other object is a literal value.
  if (keys.length !== 1) return true;
  const op = keys[0]!;
  const raw = (node as Record<string, unknown>)[op];
  const args: unknown[] = Array.isArray(raw) ? raw : [raw];
  if (ITEM_OPERATIONS.has(op)) {
    // The list comes from the scope; the item logic reads each item (reduce: its initial value too).
    return collectReads(args[0], root) && (op !== 'reduce' || collectReads(args[2], root));
  }
  if (op === 'var') {
    if (!addRead(root, args[0])) return false;
    return collectReads(args.slice(1), root);
  }
  if (op === 'missing') {
    if (!collectReads(args, root)) return false;
    const names: unknown[] = Array.isArray(args[0]) ? args[0] : args;
    return names.every((name) => addRead(root, name));
  }
  if (op === 'missing_some') {
    const names = args[1];
    if (!Array.isArray(names) || !collectReads(args, root)) return false;
    return names.every((name) => addRead(root, name));
  }
  return collectReads(args, root);
}

/** Adds a path written out in the logic; false when it is not (computed, or the whole scope). */
function addRead(root: ReadTree, path: unknown): boolean {
  if (!(typeof path === 'string' && path !== '') && typeof path !== 'number') return false;
  let node = root;
  // Split as json-logic-js's "var" splits.
  for (const segment of String(path).split('.')) {
    let child = node.children.get(segment);
    if (!child) node.children.set(segment, (child = { whole: false, children: new Map() }));
    node = child;
  }
  node.whole = true;
  return true;
}

/**
 * What safeData gives for `value`, cut down to the paths of `reads`: walking any of those paths
 * through it finds what walking it through safeData(value) finds.
 */
function safePart(value: unknown, reads: ReadTree, depth: number): unknown {
  if (reads.whole || typeof value !== 'object' || value === null || Array.isArray(value)) {
    return safeData(value, depth);
  }
  if (depth > MAX_JSON_DEPTH) return undefined;
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, child] of reads.children) {
    // safeData keeps own enumerable keys (Object.entries) and drops the forbidden ones.
    if (FORBIDDEN_KEYS.includes(key) || !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
    const safe = safePart((value as Record<string, unknown>)[key], child, depth + 1);
    if (safe !== undefined) out[key] = safe;
  }
  return out;
}

function run(logic: JsonLogic, scope: GuardScope): { result: boolean; error?: string } {
  const problem = checkLogic(logic, 0);
  if (problem) return { result: false, error: problem };
  try {
    return { result: jsonLogic.truthy(jsonLogic.apply(logic, safeData(scope, 0))) };
  } catch (e) {
    return {
      result: false,
      error: `the guard failed on this data: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** Why a logic expression must not run, or null: only known operators, and no path into prototypes. */
function checkLogic(node: unknown, depth: number): string | null {
  if (depth > MAX_JSON_DEPTH) return `the guard is nested more than ${MAX_JSON_DEPTH} levels deep`;
  if (Array.isArray(node)) {
    for (const n of node) {
      const p = checkLogic(n, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (typeof node !== 'object' || node === null) return null;
  const keys = Object.keys(node);
  if (keys.length !== 1) return null;
  const op = keys[0]!;
  if (!OPERATOR_SET.has(op))
    return `the guard uses "${op}", which is not a JSON Logic operator a guard may use`;
  const raw = (node as Record<string, unknown>)[op];
  if (op === 'var' || op === 'missing' || op === 'missing_some') {
    const names =
      op === 'var' ? [Array.isArray(raw) ? raw[0] : raw] : Array.isArray(raw) ? raw.flat() : [raw];
    for (const name of names) {
      if (typeof name !== 'string') continue;
      const bad = name.split('.').find((seg) => FORBIDDEN_KEYS.includes(seg));
      if (bad) return `the guard reads the path "${name}", which contains "${bad}"`;
    }
  }
  return checkLogic(raw, depth + 1);
}

/**
 * A copy of the scope JSON Logic can walk without reaching a prototype: objects without
 * prototypes, only JSON values, bounded depth.
 */
function safeData(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object' || depth > MAX_JSON_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((v) => safeData(v, depth + 1) ?? null);
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.includes(k)) continue;
    const safe = safeData(v, depth + 1);
    if (safe !== undefined) out[k] = safe;
  }
  return out;
}

function collectMissing(node: unknown, scope: GuardScope, out: string[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collectMissing(n, scope, out);
    return;
  }
  if (typeof node !== 'object' || node === null || Object.keys(node).length !== 1) return;
  const op = Object.keys(node)[0]!;
  const raw = (node as Record<string, unknown>)[op];
  // Paths inside item operations are relative to each item: not paths of the scope.
  if (['some', 'all', 'none', 'filter', 'map', 'reduce'].includes(op)) {
    collectMissing(Array.isArray(raw) ? raw[0] : raw, scope, out);
    return;
  }
  if (op === 'var') {
    const path = Array.isArray(raw) ? raw[0] : raw;
    if ((typeof path === 'string' || typeof path === 'number') && path !== '') {
      const p = String(path);
      if (!out.includes(p) && lookup(scope, p) === undefined) out.push(p);
      return;
    }
  }
  collectMissing(raw, scope, out);
}

function lookup(scope: unknown, path: string): unknown {
  let v: unknown = scope;
  for (const seg of path.split('.')) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v === null ? undefined : v;
}
