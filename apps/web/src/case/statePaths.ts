import type { StateValue } from '@ruta/engine';

/**
 * Every state path a state value stands in, ancestors included:
 * `{protection: {health: "done", shelter: "placed"}}` ->
 * ["protection", "protection.health", "protection.health.done", "protection.shelter", "protection.shelter.placed"].
 */
export function stateValueToPaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [join(prefix, value)];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = join(prefix, key);
    out.push(path, ...stateValueToPaths(child, path));
  }
  return out;
}

/**
 * The states a case has been in, in the order it first entered them, from the `to` of each
 * event of its history (oldest first).
 */
export function visitedPaths(history: { to: StateValue }[]): string[] {
  const seen = new Set<string>();
  for (const e of history) for (const p of stateValueToPaths(e.to)) seen.add(p);
  return [...seen];
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}
