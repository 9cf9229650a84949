import { listTransitions, resolveTarget, type MachineConfig, type StateConfig } from '@ruta/protocol';

/**
 * The order to show each state's children in: the way a case moves through them, from the
 * initial child along its transitions (a topological order of the forward moves), then any
 * child no transition reaches. Key order in the JSON is not reliable (stored protocols come back
 * with sorted keys).
 * Returns the child keys by parent path ("" for the top level). Parallel regions keep their
 * order: they all run at once.
 */
export function stateOrder(machine: MachineConfig): Map<string, string[]> {
  const transitions = listTransitions(machine)
    .filter((t) => t.source !== '' && t.transition.target)
    .map((t) => ({ source: t.source, target: resolveTarget(machine, t.source, t.transition.target!) }));
  const out = new Map<string, string[]>();
  const visit = (
    parent: string,
    states: Record<string, StateConfig>,
    initial: string | undefined,
    parallel: boolean,
  ) => {
    const keys = Object.keys(states);
    const order: string[] = [];
    if (parallel) order.push(...keys);
    else {
      const prefix = parent === '' ? '' : `${parent}.`;
      const next = (key: string): string[] => {
        const own = `${prefix}${key}`;
        const out: string[] = [];
        for (const t of transitions) {
          if (t.target === null || (t.source !== own && !t.source.startsWith(`${own}.`))) continue;
          if (!t.target.startsWith(prefix)) continue;
          const sibling = t.target.slice(prefix.length).split('.')[0]!;
          if (keys.includes(sibling) && sibling !== key && !out.includes(sibling)) out.push(sibling);
        }
        return out;
      };
      // Reverse post-order of a depth-first walk: a topological order of the forward moves, so a
      // stage comes before every stage it leads to (closure last even when a shortcut reaches it).
      // Successors are walked last-listed first, so the first-listed branch is shown first.
      const seen = new Set<string>();
      const post: string[] = [];
      const walk = (key: string) => {
        seen.add(key);
        for (const k of next(key).reverse()) if (!seen.has(k)) walk(k);
        post.push(key);
      };
      walk(initial && keys.includes(initial) ? initial : keys[0]!);
      order.push(...post.reverse());
      for (const k of keys) if (!seen.has(k)) order.push(k);
    }
    out.set(parent, order);
    for (const key of keys) {
      const child = states[key]!;
      if (child.states)
        visit(
          parent === '' ? key : `${parent}.${key}`,
          child.states,
          child.initial,
          child.type === 'parallel',
        );
    }
  };
  visit('', machine.states, machine.initial, false);
  return out;
}

/**
 * Every state without children, by path, in the order of `stateOrder`: a stage's steps before the
 * next stage's, as the stepper lists them. E.g. ["intake", "identification.detection", …, "closure"].
 */
export function leafPathsInOrder(order: Map<string, string[]>): string[] {
  const out: string[] = [];
  const visit = (parent: string) => {
    for (const key of order.get(parent) ?? []) {
      const path = parent === '' ? key : `${parent}.${key}`;
      if (order.has(path)) visit(path);
      else out.push(path);
    }
  };
  visit('');
  return out;
}
