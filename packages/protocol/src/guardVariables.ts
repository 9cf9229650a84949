import type { JsonLogic } from './types.js';

/** Operators whose second argument runs once per item of the list in the first. */
const ITEM_OPS = new Set(['some', 'all', 'none', 'filter', 'map']);

/**
 * The data paths a guard reads (`var`, and the keys named by `missing` and `missing_some`), in
 * order of first use, each once. Paths read inside some/all/none/filter/map/reduce refer to each
 * item of a list and are given as "<list>[].<path>", e.g. "form.relatives[].relation". A path
 * computed at run time ({"var": {"cat": ...}}) cannot be known and is left out; the paths it is
 * computed from are listed.
 *
 * @example guardVariables({ and: [{ var: 'form.isMinor' }, { '>': [{ var: 'case.screening.age' }, 12] }] })
 *   // ["form.isMinor", "case.screening.age"]
 */
export function guardVariables(logic: JsonLogic): string[] {
  const out = new Set<string>();
  walk(logic, '', out);
  return [...out];
}

/**
 * @param scope "" at the top; "<list>[]" inside an item operation over a known list; null inside
 *   one over a list computed at run time (its item paths cannot be named).
 */
function walk(node: unknown, scope: string | null, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, scope, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const keys = Object.keys(node);
  // json-logic-js treats only single-key objects as operations; anything else is a literal.
  if (keys.length !== 1) return;
  const op = keys[0]!;
  const raw = (node as Record<string, unknown>)[op];
  const args = Array.isArray(raw) ? raw : [raw];
  const add = (path: string) => {
    if (scope === null) return;
    out.add(scope === '' ? path : path === '' ? scope : `${scope}.${path}`);
  };
  if (op === 'var') {
    const path = args[0];
    if (typeof path === 'string' || typeof path === 'number') {
      if (path !== '') add(String(path));
    } else {
      walk(path, scope, out);
    }
    walk(args.slice(1), scope, out);
    return;
  }
  if (op === 'missing' || op === 'missing_some') {
    const names =
      op === 'missing'
        ? Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0])
          ? raw[0]
          : args
        : args[1];
    if (Array.isArray(names)) {
      for (const n of names) {
        if (typeof n === 'string' || typeof n === 'number') add(String(n));
        else walk(n, scope, out);
      }
    } else {
      walk(names, scope, out);
    }
    if (op === 'missing_some') walk(args[0], scope, out);
    return;
  }
  if (ITEM_OPS.has(op) || op === 'reduce') {
    walk(args[0], scope, out);
    const list = listPath(args[0], scope);
    const itemScope = list === null ? null : `${list}[]`;
    if (op === 'reduce') {
      walkReduce(args[1], itemScope, out);
      walk(args[2], scope, out);
    } else {
      walk(args.slice(1), itemScope, out);
    }
    return;
  }
  walk(args, scope, out);
}

/** Inside reduce, "current.x" is the item's x and "accumulator" the running value. */
function walkReduce(node: unknown, itemScope: string | null, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const n of node) walkReduce(n, itemScope, out);
    return;
  }
  if (typeof node !== 'object' || node === null || Object.keys(node).length !== 1) return;
  const op = Object.keys(node)[0]!;
  const raw = (node as Record<string, unknown>)[op];
  const args = Array.isArray(raw) ? raw : [raw];
  if (op === 'var' && (typeof args[0] === 'string' || typeof args[0] === 'number')) {
    const path = String(args[0]);
    if (itemScope !== null && (path === 'current' || path.startsWith('current.'))) {
      const rest = path.slice('current'.length + 1);
      out.add(rest === '' ? itemScope : `${itemScope}.${rest}`);
    }
    walkReduce(args.slice(1), itemScope, out);
    return;
  }
  walkReduce(args, itemScope, out);
}

/** The path of the list an item operation runs over, when it is a plain `var`. */
function listPath(node: unknown, scope: string | null): string | null {
  if (scope === null || typeof node !== 'object' || node === null || Array.isArray(node)) return null;
  const keys = Object.keys(node);
  if (keys.length !== 1 || keys[0] !== 'var') return null;
  const raw = (node as Record<string, unknown>).var;
  const path = Array.isArray(raw) ? raw[0] : raw;
  if (typeof path !== 'string' && typeof path !== 'number') return null;
  const p = String(path);
  return scope === '' ? p : p === '' ? scope : `${scope}.${p}`;
}
