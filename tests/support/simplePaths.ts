import type { StateSpace, StateSpaceEdge } from '@ruta/protocol';

/**
 * Every simple path of a protocol's state space (no configuration visited twice) from the
 * initial configuration to a final one (a closed case), as lists of edges. Two transitions
 * between the same configurations (e.g. two guarded branches to the closure) are two paths.
 * Transitions that come back to a configuration already on the path (a withdrawal of consent
 * sending the case back, a repeated follow-up visit) are on no simple path: see coveringWalks.
 */
export function simplePaths(space: StateSpace): StateSpaceEdge[][] {
  const outgoing = new Map<string, StateSpaceEdge[]>();
  for (const edge of space.edges) {
    if (edge.from === edge.to) continue;
    const list = outgoing.get(edge.from) ?? [];
    list.push(edge);
    outgoing.set(edge.from, list);
  }
  const finals = new Set(space.nodes.filter((n) => n.final).map((n) => n.key));
  const paths: StateSpaceEdge[][] = [];
  const onPath = new Set<string>([space.initial]);
  const trail: StateSpaceEdge[] = [];
  const visit = (key: string) => {
    if (finals.has(key)) {
      paths.push([...trail]);
      return;
    }
    for (const edge of outgoing.get(key) ?? []) {
      if (onPath.has(edge.to)) continue;
      onPath.add(edge.to);
      trail.push(edge);
      visit(edge.to);
      trail.pop();
      onPath.delete(edge.to);
    }
  };
  visit(space.initial);
  return paths;
}

/** The identity of an edge: the transitions it takes between two configurations. */
export function edgeKey(edge: StateSpaceEdge): string {
  return `${edge.from}|${edge.event}|${edge.transitions.join(',')}|${edge.to}`;
}

/**
 * For every edge no simple path takes (a loop: a withdrawal back to an earlier step, a repeated
 * visit, a renewal), candidate walks that take it: the shortest way from the initial
 * configuration to where it starts, the edge, then a way on to a closed case, shortest first
 * (at most `limit`), those not sending the same event again first. Several are given because
 * guards read the case: after a child's objection is recorded, the shortest way on (an adult
 * declining assistance) may be one no case can take.
 * An edge after which no closed case can be reached has no candidates.
 */
export function coveringWalks(
  space: StateSpace,
  covered: ReadonlySet<string>,
  limit = 20,
): { edge: StateSpaceEdge; walks: StateSpaceEdge[][] }[] {
  const out: { edge: StateSpaceEdge; walks: StateSpaceEdge[][] }[] = [];
  for (const edge of space.edges) {
    if (covered.has(edgeKey(edge))) continue;
    const before = shortestPath(space, space.initial, (k) => k === edge.from);
    // Ways on that do not send the same event again come first: the event just taken (a child's
    // objection) is often what rules out its other branches (an adult declining) for this case.
    const again = (p: StateSpaceEdge[]) => (p.some((e) => e.event === edge.event) ? 1 : 0);
    const onwards =
      before === null
        ? []
        : simplePaths({ ...space, initial: edge.to }).sort(
            (a, b) => again(a) - again(b) || a.length - b.length,
          );
    out.push({ edge, walks: onwards.slice(0, limit).map((after) => [...before!, edge, ...after]) });
  }
  return out;
}

function shortestPath(
  space: StateSpace,
  from: string,
  goal: (key: string) => boolean,
): StateSpaceEdge[] | null {
  if (goal(from)) return [];
  const previous = new Map<string, StateSpaceEdge>();
  const seen = new Set([from]);
  const queue = [from];
  for (const key of queue) {
    for (const edge of space.edges) {
      if (edge.from !== key || seen.has(edge.to)) continue;
      seen.add(edge.to);
      previous.set(edge.to, edge);
      if (goal(edge.to)) {
        const path: StateSpaceEdge[] = [];
        for (let at = edge.to; at !== from;) {
          const e = previous.get(at)!;
          path.unshift(e);
          at = e.from;
        }
        return path;
      }
      queue.push(edge.to);
    }
  }
  return null;
}
