import { exploreIndex, type StateSpaceIndex } from './exploreIndex.js';
import type { StateSpace, StateSpaceEdge, StateSpaceNode } from './exploreStateSpace.js';
import { invariantsLocation } from './invariantsLocation.js';
import { getState, listStates } from './stateTree.js';
import type { Invariant, Problem, ResolvedProtocol, Text } from './types.js';
import { listOf } from './verifyListOf.js';

/** One step of a counter-example: the event sent (none for the first) and the states then active. */
export interface CounterExampleStep {
  event?: string;
  /** The innermost active states, by path. */
  states: string[];
  titles: Text[];
}

/** An invariant that does not hold, with the shortest path that shows it. */
export interface InvariantProblem extends Problem {
  invariant: string;
  counterExample?: CounterExampleStep[];
}

/** At most this many configurations are reported per availableUntil invariant; the rest are counted. */
const MAX_REPORTED = 25;

/**
 * Checks every invariant in force (`protocol.invariantsInForce`) on an explored state space.
 * mustPassBefore: each way into a state with the target tag must have passed through a state
 * with each required tag (a list: any one of them); a violation carries the shortest path that
 * bypasses the requirement. availableUntil: in every configuration reachable before a state with
 * the `until` tag is entered (closed cases aside), the event moves the case on under some outcome
 * of the guards; each configuration where it does not is reported.
 */
export function checkInvariants(protocol: ResolvedProtocol, space: StateSpace): InvariantProblem[] {
  return listOf(protocol.invariantsInForce).flatMap((invariant) =>
    checkInvariant(protocol, space, invariant),
  );
}

/** The problems of one invariant (see checkInvariants); none when it holds. */
export function checkInvariant(
  protocol: ResolvedProtocol,
  space: StateSpace,
  invariant: Invariant,
): InvariantProblem[] {
  const { pointer, source } = invariantsLocation(protocol, invariant);
  const malformed = whatIsMissing(invariant);
  if (malformed !== undefined) {
    return [
      {
        code: 'invariant-malformed',
        invariant: String(invariant?.id ?? ''),
        location: { pointer },
        message: `Invariant "${String(invariant?.id ?? '')}" (${source}) cannot be checked: ${malformed}.`,
        hint: 'Write it as {"kind": "mustPassBefore", "target": {"tag": "..."}, "requires": [{"tag": "..."}]} or {"kind": "availableUntil", "event": "...", "until": {"tag": "..."}}.',
      },
    ];
  }
  if (space.nodes.length === 0) {
    return [
      {
        code: 'invariant-not-checked',
        invariant: invariant.id,
        location: { pointer },
        message: `Invariant "${invariant.id}" (${source}) could not be checked because the statechart cannot run.`,
        hint: 'Fix the problems of the statechart first; the invariant is checked once it runs.',
      },
    ];
  }
  const index = exploreIndex(space);
  const found =
    invariant.kind === 'mustPassBefore'
      ? mustPassBefore(protocol, space, index, invariant, pointer, source)
      : availableUntil(protocol, space, index, invariant, pointer, source);
  if (!space.complete && found.length === 0) {
    found.push({
      code: 'invariant-unproven',
      invariant: invariant.id,
      location: { pointer },
      message: `Invariant "${invariant.id}" (${source}) held in every configuration explored, but the protocol was too large to explore fully.`,
      hint: 'Simplify the parallel parts of the protocol so it can be explored completely, then verify again.',
    });
  }
  return found;
}

function mustPassBefore(
  protocol: ResolvedProtocol,
  space: StateSpace,
  index: StateSpaceIndex,
  invariant: Extract<Invariant, { kind: 'mustPassBefore' }>,
  pointer: string,
  source: string,
): InvariantProblem[] {
  const target = invariant.target.tag;
  const requirements = invariant.requires.map((r) => (Array.isArray(r) ? r.map((s) => s.tag) : [r.tag]));
  const full = requirements.reduce((mask, _, i) => mask | (1 << i), 0);
  const satisfied = (node: StateSpaceNode) =>
    requirements.reduce(
      (mask, tags, i) => (tags.some((t) => node.tags.includes(t)) ? mask | (1 << i) : mask),
      0,
    );
  const targetStates = new Set(
    listStates(protocol.machine)
      .filter((s) => listOf(s.state.tags).includes(target))
      .map((s) => s.path),
  );
  const entered = (from: StateSpaceNode | undefined, to: StateSpaceNode) =>
    to.states.filter((p) => targetStates.has(p) && !from?.states.includes(p));

  const problems: InvariantProblem[] = [];
  const reportedStates = new Set<string>();
  const report = (into: string[], missing: number, path: Step[]) => {
    const fresh = into.filter((p) => !reportedStates.has(p));
    if (fresh.length === 0) return;
    fresh.forEach((p) => reportedStates.add(p));
    const lacking = requirements.filter((_, i) => (missing & (1 << i)) === 0);
    const lackingText = lacking.map((tags) => tags.map((t) => `"${t}"`).join(' or ')).join(', ');
    const untagged = lacking
      .flat()
      .filter((tag) => !listStates(protocol.machine).some((s) => listOf(s.state.tags).includes(tag)));
    const counterExample = steps(protocol, path);
    problems.push({
      code: 'invariant-violated',
      invariant: invariant.id,
      location: { pointer, state: fresh[0] ?? '' },
      message: `Invariant "${invariant.id}" (${source}) is broken: ${invariant.description?.en ?? ''} A case can reach ${titleOf(protocol, fresh[0] ?? '')} (tagged "${target}") without first passing a step tagged ${lackingText}. Shortest such path: ${renderPath(counterExample)}.`,
      hint:
        untagged.length > 0
          ? `No state is tagged ${untagged.map((t) => `"${t}"`).join(' or ')}: add the tag to the step that does this, and make every route to ${titleOf(protocol, fresh[0] ?? '')} go through it.`
          : `Route this path through a step tagged ${lackingText} before ${titleOf(protocol, fresh[0] ?? '')}, or add a guard that stops it until that step is done.`,
      counterExample,
    });
  };

  const start = index.node(space.initial);
  if (!start) return problems;
  const startMask = satisfied(start);
  const first = entered(undefined, start);
  if (first.length > 0) report(first, 0, [{ node: start }]);

  type Visit = { node: StateSpaceNode; mask: number; previous?: Visit; edge?: StateSpaceEdge };
  const seen = new Set<string>([`${startMask}:${start.key}`]);
  const queue: Visit[] = [{ node: start, mask: startMask }];
  for (const visit of queue) {
    for (const edge of index.outgoing(visit.node.key)) {
      const next = index.node(edge.to);
      if (!next) continue;
      const into = entered(visit.node, next);
      if (into.length > 0 && visit.mask !== full)
        report(into, visit.mask, [...pathOf(visit), { node: next, edge }]);
      const mask = visit.mask | satisfied(next);
      const key = `${mask}:${next.key}`;
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ node: next, mask, previous: visit, edge });
    }
  }
  return problems;

  function pathOf(visit: Visit): Step[] {
    const out: Step[] = [];
    for (let v: Visit | undefined = visit; v; v = v.previous)
      out.unshift(v.edge ? { node: v.node, edge: v.edge } : { node: v.node });
    return out;
  }
}

function availableUntil(
  protocol: ResolvedProtocol,
  space: StateSpace,
  index: StateSpaceIndex,
  invariant: Extract<Invariant, { kind: 'availableUntil' }>,
  pointer: string,
  source: string,
): InvariantProblem[] {
  const until = invariant.until.tag;
  const problems: InvariantProblem[] = [];
  const start = index.node(space.initial);
  if (!start || start.tags.includes(until)) return problems;
  const defined = Object.hasOwn(protocol.events ?? {}, invariant.event);
  type Visit = { node: StateSpaceNode; previous?: Visit; edge?: StateSpaceEdge };
  const seen = new Set([start.key]);
  const queue: Visit[] = [{ node: start }];
  let more = 0;
  for (const visit of queue) {
    const node = visit.node;
    if (!node.final && !node.events.includes(invariant.event)) {
      if (problems.length >= MAX_REPORTED) more++;
      else {
        const path: Step[] = [];
        for (let v: Visit | undefined = visit; v; v = v.previous)
          path.unshift(v.edge ? { node: v.node, edge: v.edge } : { node: v.node });
        const counterExample = steps(protocol, path);
        const here = node.leaves.map((p) => titleOf(protocol, p)).join(' + ');
        problems.push({
          code: 'invariant-violated',
          invariant: invariant.id,
          location: { pointer, state: node.leaves[0] ?? '' },
          message: `Invariant "${invariant.id}" (${source}) is broken: ${invariant.description?.en ?? ''} In ${here}, "${invariant.event}" is not available, although the case has not yet reached a step tagged "${until}". Path to it: ${renderPath(counterExample)}.`,
          hint: defined
            ? `Add a transition on "${invariant.event}" from ${here} (or once for every state, under the machine's "on").`
            : `The protocol does not define the event "${invariant.event}": add it to "events" and a transition on it under the machine's "on", so it is available in every step before "${until}".`,
          counterExample,
        });
      }
    }
    for (const edge of index.outgoing(node.key)) {
      const next = index.node(edge.to);
      if (!next || seen.has(next.key) || next.tags.includes(until)) continue;
      seen.add(next.key);
      queue.push({ node: next, previous: visit, edge });
    }
  }
  if (more > 0) {
    problems.push({
      code: 'invariant-violated',
      invariant: invariant.id,
      location: { pointer },
      message: `Invariant "${invariant.id}" (${source}) is also broken in ${more} more combinations of steps.`,
      hint: `Make "${invariant.event}" available once for every state, under the machine's "on", instead of state by state.`,
    });
  }
  return problems;
}

type Step = { node: StateSpaceNode; edge?: StateSpaceEdge };

/** What an invariant lacks to be checked (it did not come through the schema check), or undefined. */
function whatIsMissing(value: unknown): string | undefined {
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const isTag = (v: unknown) => isRecord(v) && typeof v.tag === 'string';
  if (!isRecord(value)) return 'it is not an object';
  if (value.kind === 'mustPassBefore') {
    const { target, requires } = value;
    if (!isTag(target)) return 'its "target" names no tag';
    if (!Array.isArray(requires) || requires.length === 0) return 'its "requires" lists no tag';
    if (requires.length > 30) return 'it requires more than 30 steps';
    if (!requires.every((r: unknown) => (Array.isArray(r) ? r.length > 0 && r.every(isTag) : isTag(r))))
      return 'an entry of its "requires" names no tag';
    return undefined;
  }
  if (value.kind === 'availableUntil') {
    if (typeof value.event !== 'string') return 'its "event" is not an event name';
    if (!isTag(value.until)) return 'its "until" names no tag';
    return undefined;
  }
  return `its kind is ${JSON.stringify(value.kind)}, not "mustPassBefore" or "availableUntil"`;
}

function steps(protocol: ResolvedProtocol, path: Step[]): CounterExampleStep[] {
  return path.map(({ node, edge }) => ({
    ...(edge ? { event: edge.event } : {}),
    states: node.leaves,
    titles: node.leaves.map((p) => getState(protocol.machine, p)?.meta?.title ?? { es: p, en: p }),
  }));
}

function renderPath(path: CounterExampleStep[]): string {
  return path
    .map((step) => {
      const states = step.states.map((p, i) => `"${step.titles[i]?.en ?? p}" (${p})`).join(' + ');
      return step.event ? `--${step.event}--> ${states}` : states;
    })
    .join(' ');
}

function titleOf(protocol: ResolvedProtocol, path: string): string {
  const title = getState(protocol.machine, path)?.meta?.title?.en;
  return title ? `"${title}"` : `"${path}"`;
}
