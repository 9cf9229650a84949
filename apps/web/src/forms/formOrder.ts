import { fieldAt } from './fieldAt.js';

/**
 * The keys of recorded answers in the order the form asks them: its uiSchema's `ui:order` (with
 * "*" for the rest), then the schema's own property order (conditional fields after the fields
 * they follow from), then anything else as recorded. `path` is where a nested section sits.
 *
 * @example formOrder(['b', 'a'], { properties: { a: {}, b: {} } }, {}) // ['a', 'b']
 */
export function formOrder(keys: string[], schema: unknown, uiSchema: unknown, path: string[] = []): string[] {
  const node = path.length === 0 ? asObject(schema) : fieldAt(schema, path);
  const schemaOrder = propertyOrder(node);
  let ui = asObject(uiSchema);
  for (const seg of path) ui = asObject(ui?.[seg]);
  const uiOrder = Array.isArray(ui?.['ui:order']) ? (ui['ui:order'] as unknown[]).filter(isString) : [];
  const star = uiOrder.indexOf('*');
  const rest = schemaOrder.filter((k) => !uiOrder.includes(k));
  const order =
    uiOrder.length === 0
      ? schemaOrder
      : star < 0
        ? [...uiOrder, ...rest]
        : [...uiOrder.slice(0, star), ...rest, ...uiOrder.slice(star + 1)];
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return keys
    .map((k, i) => ({ k, i }))
    .sort((a, b) => rank(a.k) - rank(b.k) || a.i - b.i)
    .map((x) => x.k);
}

/** Property names of a schema node, then of its conditional branches, each once. */
function propertyOrder(node: Record<string, unknown> | null): string[] {
  if (!node) return [];
  const out = Object.keys(asObject(node.properties) ?? {});
  const branches = [node.then, node.else, ...(Array.isArray(node.allOf) ? node.allOf : [])];
  for (const b of branches) for (const k of propertyOrder(asObject(b))) if (!out.includes(k)) out.push(k);
  return out;
}

function asObject(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}
