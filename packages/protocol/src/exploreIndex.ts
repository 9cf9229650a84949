import type { StateSpace, StateSpaceEdge, StateSpaceNode } from './exploreStateSpace.js';

/** Lookups over a state space: nodes by key, and the edges leaving and entering each. */
export interface StateSpaceIndex {
  node: (key: string) => StateSpaceNode | undefined;
  outgoing: (key: string) => StateSpaceEdge[];
  incoming: (key: string) => StateSpaceEdge[];
}

export function exploreIndex(space: StateSpace): StateSpaceIndex {
  const nodes = new Map(space.nodes.map((n) => [n.key, n]));
  const out = new Map<string, StateSpaceEdge[]>();
  const into = new Map<string, StateSpaceEdge[]>();
  for (const edge of space.edges) {
    const o = out.get(edge.from) ?? [];
    o.push(edge);
    out.set(edge.from, o);
    const i = into.get(edge.to) ?? [];
    i.push(edge);
    into.set(edge.to, i);
  }
  return {
    node: (key) => nodes.get(key),
    outgoing: (key) => out.get(key) ?? [],
    incoming: (key) => into.get(key) ?? [],
  };
}
