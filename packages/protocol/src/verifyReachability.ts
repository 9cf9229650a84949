import { exploreIndex } from './exploreIndex.js';
import type { StateSpace, StateSpaceNode } from './exploreStateSpace.js';
import { statechartTexts as texts } from './statechartTexts.js';
import { listStates } from './stateTree.js';
import { stateLabel } from './verifyStateLabel.js';
import type { Problem, ResolvedProtocol } from './types.js';

/**
 * Problems only a walk through every reachable configuration shows: states no case can ever
 * reach, a protocol in which no case can ever close, and places where a case gets stuck, either
 * in a state with no way out or going round between states that never lead to an end.
 * Needs a complete exploration: with a partial one it reports nothing (the exploration's own
 * problem says why).
 */
export function verifyReachability(protocol: ResolvedProtocol, space: StateSpace): Problem[] {
  if (!space.complete) return [];
  const machine = protocol.machine;
  const problems: Problem[] = [];
  const reached = new Set(space.nodes.flatMap((n) => n.states));
  const pointers = new Map(listStates(machine).map((s) => [s.path, s.pointer]));

  for (const s of listStates(machine)) {
    if (reached.has(s.path) || (s.parent !== null && !reached.has(s.parent))) continue;
    problems.push({
      code: 'unreachable-state',
      location: { pointer: s.pointer, state: s.path },
      ...texts.unreachableState(stateLabel(machine, s.path)),
    });
  }

  if (!space.nodes.some((n) => n.final)) {
    problems.push({
      code: 'case-never-closes',
      location: { pointer: '/machine/states' },
      ...texts.caseNeverCloses(),
    });
    return problems;
  }

  const index = exploreIndex(space);
  const canFinish = new Set<string>();
  const queue = space.nodes.filter((n) => n.final).map((n) => n.key);
  for (const key of queue) {
    if (canFinish.has(key)) continue;
    canFinish.add(key);
    for (const edge of index.incoming(key)) if (!canFinish.has(edge.from)) queue.push(edge.from);
  }
  const stuck = space.nodes.filter((n) => !canFinish.has(n.key));
  const reported = new Set<string>();
  for (const component of bottomComponents(stuck, (key) => index.outgoing(key).map((e) => e.to))) {
    const leaves = [...new Set(component.flatMap((n) => n.leaves))];
    const id = leaves.join('|');
    if (reported.has(id)) continue;
    reported.add(id);
    const first = leaves[0] ?? '';
    const labels = leaves.map((p) => stateLabel(machine, p));
    const names = { en: labels.map((l) => l.en).join(', '), es: labels.map((l) => l.es).join(', ') };
    const moves = component.some((n) => index.outgoing(n.key).length > 0);
    problems.push(
      moves
        ? {
            code: 'no-way-to-finish',
            location: { pointer: pointers.get(first) ?? '/machine', state: first },
            ...texts.noWayToFinish(names),
          }
        : {
            code: 'dead-end',
            location: { pointer: pointers.get(first) ?? '/machine', state: first },
            ...texts.deadEnd(names),
          },
    );
  }
  return problems;
}

/**
 * The strongly connected components of the given nodes that no edge leaves: where a walk
 * restricted to them ends up for good (Tarjan's algorithm, iterative).
 */
function bottomComponents(
  nodes: StateSpaceNode[],
  successors: (key: string) => string[],
): StateSpaceNode[][] {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (order.has(root.key)) continue;
    const work: { key: string; next: string[]; i: number }[] = [];
    const open = (key: string) => {
      order.set(key, counter);
      low.set(key, counter++);
      stack.push(key);
      onStack.add(key);
      work.push({ key, next: successors(key).filter((k) => byKey.has(k)), i: 0 });
    };
    open(root.key);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (!frame) break;
      if (frame.i < frame.next.length) {
        const next = frame.next[frame.i++] ?? '';
        if (!order.has(next)) open(next);
        else if (onStack.has(next))
          low.set(frame.key, Math.min(low.get(frame.key) ?? 0, order.get(next) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.key, Math.min(low.get(parent.key) ?? 0, low.get(frame.key) ?? 0));
      if (low.get(frame.key) === order.get(frame.key)) {
        const component: string[] = [];
        for (let k = stack.pop(); k !== undefined; k = stack.pop()) {
          onStack.delete(k);
          component.push(k);
          if (k === frame.key) break;
        }
        components.push(component);
      }
    }
  }
  const position = new Map(nodes.map((n, i) => [n.key, i]));
  const first = (component: string[]) => Math.min(...component.map((key) => position.get(key) ?? Infinity));
  return components
    .sort((a, b) => first(a) - first(b))
    .filter((component) => {
      const members = new Set(component);
      return component.every((key) => successors(key).every((next) => members.has(next)));
    })
    .map((component) =>
      component.map((key) => byKey.get(key)).filter((n): n is StateSpaceNode => n !== undefined),
    );
}
