/**
 * The schema of the field at a path of property names (array indexes step into `items`), looking
 * into conditional branches too, where forms declare fields that appear on a condition.
 */
export function fieldAt(schema: unknown, segments: string[]): Record<string, unknown> | null {
  let node = asObject(schema);
  for (const seg of segments) {
    if (!node) return null;
    if (/^\d+$/.test(seg) && asObject(node.items)) {
      node = asObject(node.items);
      continue;
    }
    node = childNamed(node, seg);
  }
  return node;
}

function childNamed(node: Record<string, unknown>, name: string): Record<string, unknown> | null {
  const direct = asObject(asObject(node.properties)?.[name]);
  if (direct) return direct;
  const branches = [node.then, node.else, ...(Array.isArray(node.allOf) ? node.allOf : [])];
  for (const dep of Object.values(asObject(node.dependencies) ?? {})) branches.push(dep);
  for (const b of branches) {
    const found = asObject(b) && childNamed(asObject(b)!, name);
    if (found) return found;
  }
  return null;
}

function asObject(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** "`.a.b`" or "`a.b`" (rjsf's `property`) as segments. */
export function propertySegments(property: string | undefined): string[] {
  return (property ?? '').split('.').filter((s) => s !== '');
}
