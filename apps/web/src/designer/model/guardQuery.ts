import type { JsonLogic } from '@ruta/protocol';
import { formatQuery } from 'react-querybuilder/formatQuery';
import { parseJsonLogic } from 'react-querybuilder/parseJsonLogic';
import type { RuleGroupType, RuleType } from 'react-querybuilder';
import type { FieldKind } from './fieldKinds.js';
import type { GuardField } from './guardFields.js';

/** The comparisons offered for each kind of field: only those that make sense for it. */
export const OPERATORS_BY_KIND: Record<FieldKind, string[]> = {
  shortText: ['=', '!=', 'contains', 'beginsWith', 'null', 'notNull'],
  longText: ['contains', 'null', 'notNull'],
  number: ['=', '!=', '<', '<=', '>', '>=', 'null', 'notNull'],
  date: ['=', '<', '>', 'null', 'notNull'],
  yesNo: ['='],
  singleChoice: ['=', '!=', 'in', 'notIn', 'null', 'notNull'],
  multipleChoice: ['contains', 'doesNotContain'],
  group: [],
  section: [],
};

type Rule = RuleType;
type Group = RuleGroupType;

/** A new, empty condition group. */
export function emptyQuery(): Group {
  return { combinator: 'and', rules: [] };
}

/**
 * The JSON Logic of a query built with the guard builder, with each value typed as its field is
 * (yes/no as booleans, numbers as numbers, "is one of" as a list). An empty query gives null:
 * a guard must test something.
 */
export function toJsonLogic(query: Group, fields: GuardField[]): JsonLogic | null {
  const kinds = new Map(fields.map((f) => [f.name, f.kind]));
  const typed = typeGroup(query, kinds);
  if (countRules(typed) === 0) return null;
  const out = formatQuery(typed, { format: 'jsonlogic', parseNumbers: false }) as JsonLogic | false;
  if (out === false) return null;
  // A single condition reads better (and round-trips) without its one-element "and".
  if (out && typeof out === 'object' && !Array.isArray(out)) {
    const keys = Object.keys(out);
    const only = keys.length === 1 && (keys[0] === 'and' || keys[0] === 'or') ? out[keys[0]] : undefined;
    if (Array.isArray(only) && only.length === 1) return only[0]!;
  }
  return out;
}

/**
 * The query the builder shows for a guard's JSON Logic, or null when the logic is not something
 * the builder makes (written by hand): the builder then shows it read-only and offers to replace
 * it, so nobody edits raw logic.
 */
export function fromJsonLogic(logic: JsonLogic, fields: GuardField[]): Group | null {
  let parsed: Group;
  try {
    parsed = parseJsonLogic(logic as Parameters<typeof parseJsonLogic>[0]) as Group;
  } catch {
    return null;
  }
  const kinds = new Map(fields.map((f) => [f.name, f.kind]));
  const display = untypeGroup(parsed, kinds);
  const back = toJsonLogic(display, fields);
  return back !== null && canonical(back) === canonical(logic) ? display : null;
}

function typeGroup(g: Group, kinds: Map<string, FieldKind>): Group {
  return {
    ...g,
    rules: g.rules.flatMap((r): (Rule | Group)[] => {
      if ('rules' in r) {
        const sub = typeGroup(r as Group, kinds);
        return sub.rules.length ? [sub] : [];
      }
      if (typeof r === 'string') return [];
      return [typeRule(r, kinds.get(r.field))];
    }),
  };
}

function typeRule(r: Rule, kind: FieldKind | undefined): Rule {
  const op = r.operator;
  if (op === 'null' || op === 'notNull') return { ...r, value: null };
  const v: unknown = r.value;
  if (op === 'in' || op === 'notIn') {
    const list = Array.isArray(v) ? v : String(v ?? '').split(',');
    return { ...r, value: list.map((x) => String(x).trim()).filter((x) => x !== '') };
  }
  // A field the builder does not know (a form since removed): keep the value as written.
  if (kind === undefined) return r;
  if (kind === 'yesNo') return { ...r, value: v === true || v === 'true' };
  if (kind === 'number') {
    const n = typeof v === 'number' ? v : Number(String(v ?? '').trim());
    return { ...r, value: Number.isFinite(n) ? n : 0 };
  }
  return { ...r, value: v === undefined || v === null ? '' : String(v) };
}

/** Values as the builder's editors hold them (booleans as "true"/"false", lists as arrays). */
function untypeGroup(g: Group, kinds: Map<string, FieldKind>): Group {
  return {
    ...g,
    rules: g.rules.map((r) => {
      if ('rules' in r) return untypeGroup(r as Group, kinds);
      if (typeof r === 'string') return r;
      const v: unknown = r.value;
      return typeof v === 'boolean' && kinds.get(r.field) === 'yesNo' ? { ...r, value: String(v) } : r;
    }),
  } as Group;
}

function countRules(g: Group): number {
  return g.rules.reduce(
    (n, r) => n + ('rules' in r ? countRules(r as Group) : typeof r === 'string' ? 0 : 1),
    0,
  );
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : x,
  );
}

/** Every variable a JSON Logic expression reads ("form.agrees", "case.risk.level"). */
export function variablesOf(logic: JsonLogic): string[] {
  const out = new Set<string>();
  const visit = (n: JsonLogic): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (n === null || typeof n !== 'object') return;
    for (const [op, arg] of Object.entries(n)) {
      if (op === 'var') {
        const p = Array.isArray(arg) ? arg[0] : arg;
        if (typeof p === 'string' && p !== '') out.add(p);
      } else visit(arg);
    }
  };
  visit(logic);
  return [...out];
}
