import { exploreIndex, type StateSpaceIndex } from './exploreIndex.js';
import type { StateSpace, StateSpaceEdge, StateSpaceNode } from './exploreStateSpace.js';
import { invariantTexts as texts, malformedInvariant } from './invariantTexts.js';
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
        ...texts.invariantMalformed(String(invariant?.id ?? ''), source, malformed),
      },
    ];
  }
  if (space.nodes.length === 0) {
    return [
      {
        code: 'invariant-not-checked',
        invariant: invariant.id,
        location: { pointer },
        ...texts.invariantNotChecked(invariant.id, source),
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
      ...texts.invariantUnproven(invariant.id, source),
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
  source: Text,
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
    const untagged = lacking
      .flat()
      .filter((tag) => !listStates(protocol.machine).some((s) => listOf(s.state.tags).includes(tag)));
    const counterExample = steps(protocol, path);
    problems.push({
      code: 'invariant-violated',
      invariant: invariant.id,
      location: { pointer, state: fresh[0] ?? '' },
      ...texts.mustPassBeforeViolated({
        id: invariant.id,
        source,
        description: descriptionOf(invariant),
        reached: titleOf(protocol, fresh[0] ?? ''),
        target,
        lacking,
        untagged,
        path: renderPath(counterExample),
      }),
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
  source: Text,
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
        const titles = node.leaves.map((p) => titleOf(protocol, p));
        const here = { en: titles.map((t) => t.en).join(' + '), es: titles.map((t) => t.es).join(' + ') };
        problems.push({
          code: 'invariant-violated',
          invariant: invariant.id,
          location: { pointer, state: node.leaves[0] ?? '' },
          ...texts.availableUntilViolated({
            id: invariant.id,
            source,
            description: descriptionOf(invariant),
            here,
            event: invariant.event,
            until,
            path: renderPath(counterExample),
            eventDefined: defined,
          }),
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
      ...texts.availableUntilViolatedElsewhere(invariant.id, source, more, invariant.event),
    });
  }
  return problems;
}

type Step = { node: StateSpaceNode; edge?: StateSpaceEdge };

/** What an invariant lacks to be checked (it did not come through the schema check), or undefined. */
function whatIsMissing(value: unknown): Text | undefined {
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const isTag = (v: unknown) => isRecord(v) && typeof v.tag === 'string';
  if (!isRecord(value)) return malformedInvariant.notAnObject;
  if (value.kind === 'mustPassBefore') {
    const { target, requires } = value;
    if (!isTag(target)) return malformedInvariant.noTarget;
    if (!Array.isArray(requires) || requires.length === 0) return malformedInvariant.noRequires;
    if (requires.length > 30) return malformedInvariant.tooManyRequires;
    if (!requires.every((r: unknown) => (Array.isArray(r) ? r.length > 0 && r.every(isTag) : isTag(r))))
      return malformedInvariant.requiresWithoutTag;
    return undefined;
  }
  if (value.kind === 'availableUntil') {
    if (typeof value.event !== 'string') return malformedInvariant.noEvent;
    if (!isTag(value.until)) return malformedInvariant.noUntil;
    return undefined;
  }
  return malformedInvariant.unknownKind(String(JSON.stringify(value.kind)));
}

/** An invariant's description in each language, the other one standing in for a missing one. */
function descriptionOf(invariant: Invariant): Text {
  const { es, en } = invariant.description ?? {};
  return { en: en ?? '', es: es || en || '' };
}

function steps(protocol: ResolvedProtocol, path: Step[]): CounterExampleStep[] {
  return path.map(({ node, edge }) => ({
    ...(edge ? { event: edge.event } : {}),
    states: node.leaves,
    titles: node.leaves.map((p) => getState(protocol.machine, p)?.meta?.title ?? { es: p, en: p }),
  }));
}

/** A counter-example as messages show it: `"Screening" (screening) --SKIP--> "Travel" (travel)`. */
function renderPath(path: CounterExampleStep[]): Text {
  const render = (title: (t: Text | undefined, path: string) => string) =>
    path
      .map((step) => {
        const states = step.states.map((p, i) => `${title(step.titles[i], p)} (${p})`).join(' + ');
        return step.event ? `--${step.event}--> ${states}` : states;
      })
      .join(' ');
  return {
    en: render((t, p) => `"${t?.en ?? p}"`),
    es: render((t, p) => `«${t?.es ?? p}»`),
  };
}

function titleOf(protocol: ResolvedProtocol, path: string): Text {
  const title = getState(protocol.machine, path)?.meta?.title;
  return {
    en: title?.en ? `"${title.en}"` : `"${path}"`,
    es: title?.es ? `«${title.es}»` : `«${path}»`,
  };
}
