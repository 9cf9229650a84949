import {
  getNextTransitions,
  initialTransition,
  setup,
  transition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type StateValue,
} from 'xstate';
import { statechartTexts } from './statechartTexts.js';
import { listTransitions } from './stateTree.js';
import { toMachineConfig, type XStateNode, type XStateTransition } from './toMachineConfig.js';
import { ACTION_TYPES, type Problem, type ResolvedProtocol } from './types.js';

/** One configuration of the statechart: the set of states active together. */
export interface StateSpaceNode {
  /** JSON of the XState state value: the identity of the configuration. */
  key: string;
  value: StateValue;
  /** Every active state path, ancestors before their children. */
  states: string[];
  /** The innermost active states. */
  leaves: string[];
  tags: string[];
  /** The whole machine is done (a top-level final state): the case is closed. */
  final: boolean;
  /** Events (protocol event names and "after:<delay>") that move the case on under some guard outcome. */
  events: string[];
}

/** A step between configurations. */
export interface StateSpaceEdge {
  from: string;
  to: string;
  /** The protocol event, or "after:<delay>" for a timer. */
  event: string;
  /** The event XState receives ("xstate.after.<delay>.<state id>" for a timer). */
  xstateEvent: string;
  /** The outcome assumed for each guard consulted on the way. */
  guards: Record<string, boolean>;
  /** JSON pointers of the protocol transitions taken, in order (onDone ones included). */
  transitions: string[];
}

export interface StateSpace {
  initial: string;
  nodes: StateSpaceNode[];
  edges: StateSpaceEdge[];
  /** False when the bound was hit or the machine could not run: conclusions are partial. */
  complete: boolean;
  problems: Problem[];
}

export interface ExploreOptions {
  /** Stop after this many configurations (default 20,000). */
  maxConfigurations?: number;
}

export const DEFAULT_MAX_CONFIGURATIONS = 20_000;

const TAKEN = 'ruta.taken';

interface TakenAction {
  type: typeof TAKEN;
  params: { pointer: string };
}
type MarkedTransition = Omit<XStateTransition, 'actions'> & {
  actions: (NonNullable<XStateTransition['actions']>[number] | TakenAction)[];
};
type MarkedNode = Omit<XStateNode, 'states' | 'on' | 'after' | 'onDone'> & {
  states?: Record<string, MarkedNode>;
  on?: Record<string, MarkedTransition[]>;
  after?: Record<string, MarkedTransition[]>;
  onDone?: MarkedTransition[];
};

/**
 * Every configuration a case under this protocol can reach, found by running the real XState
 * machine (so nested, parallel and onDone semantics are XState's own) with every guard treated
 * as unknown: each event enabled in a configuration is tried under every combination of the
 * guards it consults. Timers count as events. Pure and synchronous.
 *
 * @example
 *   const space = exploreStateSpace(protocol);
 *   space.nodes.filter((n) => n.final).length; // how many ways a case can end
 */
export function exploreStateSpace(protocol: ResolvedProtocol, options: ExploreOptions = {}): StateSpace {
  const max = options.maxConfigurations ?? DEFAULT_MAX_CONFIGURATIONS;
  const empty = (problem: Problem): StateSpace => ({
    initial: '',
    nodes: [],
    edges: [],
    complete: false,
    problems: [problem],
  });

  let assignment: Record<string, boolean> = {};
  let undecided: string | undefined;
  const decide = (name: string): boolean => {
    if (Object.hasOwn(assignment, name)) return assignment[name] === true;
    undecided ??= name;
    return false;
  };

  let machine: AnyStateMachine;
  try {
    machine = buildMachine(protocol, decide);
  } catch (error) {
    return empty(machineProblem(error));
  }

  const nodes = new Map<string, StateSpaceNode>();
  const edges: StateSpaceEdge[] = [];
  const problems: Problem[] = [];
  let complete = true;
  try {
    const [start] = initialTransition(machine);
    const initial = nodeOf(start);
    nodes.set(initial.key, initial);
    const queue: AnyMachineSnapshot[] = [start];
    // for..of sees the configurations pushed while it runs: a breadth-first walk.
    for (const snapshot of queue) {
      if (snapshot.status === 'done') continue;
      const from = keyOf(snapshot.value);
      const fromNode = nodes.get(from);
      if (!fromNode) continue;
      for (const { type, label } of enabledEventTypes(snapshot)) {
        const pending: Record<string, boolean>[] = [{}];
        const seenEdges = new Set<string>();
        for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
          assignment = next;
          undecided = undefined;
          const [after, actions] = transition(machine, snapshot, { type });
          if (undecided !== undefined) {
            // A guard not yet assumed either way was consulted: try both outcomes.
            pending.push({ ...assignment, [undecided]: false }, { ...assignment, [undecided]: true });
            continue;
          }
          const taken = actions.flatMap((a) => (String(a.type) === TAKEN ? [pointerOf(a.params)] : []));
          if (taken.length === 0) continue;
          const to = keyOf(after.value);
          if (!nodes.has(to)) {
            if (nodes.size >= max) {
              if (complete) problems.push(boundProblem(max));
              complete = false;
              continue;
            }
            nodes.set(to, nodeOf(after));
            queue.push(after);
          }
          const edgeKey = `${to}|${taken.join(',')}`;
          if (seenEdges.has(edgeKey)) continue;
          seenEdges.add(edgeKey);
          edges.push({
            from,
            to,
            event: label,
            xstateEvent: type,
            guards: { ...assignment },
            transitions: taken,
          });
          if (!fromNode.events.includes(label)) fromNode.events.push(label);
        }
      }
    }
    return { initial: initial.key, nodes: [...nodes.values()], edges, complete, problems };
  } catch (error) {
    return empty(machineProblem(error));
  }
}

/** The machine XState runs, with each transition marked so its taking shows in the actions. */
function buildMachine(protocol: ResolvedProtocol, decide: (guard: string) => boolean): AnyStateMachine {
  const { config, delays } = toMachineConfig(protocol);
  const marked = mark(config);
  const transitions = listTransitions(protocol.machine);
  const guardNames = new Set([
    ...Object.keys(protocol.guards ?? {}),
    ...transitions.flatMap((t) => (t.transition?.guard ? [t.transition.guard] : [])),
  ]);
  const guards: Record<string, () => boolean> = {};
  for (const name of guardNames) guards[name] = () => decide(name);
  // An undefined delay would make XState fire the timer at once; any positive number keeps it a timer.
  const allDelays: Record<string, number> = { ...delays };
  for (const t of transitions) if (t.event.startsWith('after:')) allDelays[t.event.slice(6)] ??= 1;

  for (const t of transitions) {
    let node: MarkedNode | undefined = marked;
    for (const key of t.source === '' ? [] : t.source.split('.')) node = node?.states?.[key];
    const list: MarkedTransition[] | undefined =
      t.event === 'done'
        ? node?.onDone
        : t.event.startsWith('after:')
          ? node?.after?.[t.event.slice(6)]
          : node?.on?.[t.event];
    list?.[t.index]?.actions.push({ type: TAKEN, params: { pointer: t.pointer } });
  }
  // Actions are never run while exploring; declaring them tells XState every type is known.
  const actions: Record<string, () => void> = {};
  for (const type of [...ACTION_TYPES, TAKEN]) actions[type] = () => undefined;
  return setup({ guards, delays: allDelays, actions }).createMachine(marked);
}

function mark(node: XStateNode): MarkedNode {
  const copy = (ts: XStateTransition[]): MarkedTransition[] =>
    ts.map((t) => ({ ...t, actions: [...(t.actions ?? [])] }));
  const { states, on, after, onDone, ...rest } = node;
  const out: MarkedNode = rest;
  if (states) out.states = Object.fromEntries(Object.entries(states).map(([k, s]) => [k, mark(s)]));
  if (on) out.on = Object.fromEntries(Object.entries(on).map(([k, ts]) => [k, copy(ts)]));
  if (after) out.after = Object.fromEntries(Object.entries(after).map(([k, ts]) => [k, copy(ts)]));
  if (onDone) out.onDone = copy(onDone);
  return out;
}

/** The events a configuration reacts to, each once, in XState's deterministic order. */
function enabledEventTypes(snapshot: AnyMachineSnapshot): { type: string; label: string }[] {
  const out = new Map<string, string>();
  for (const t of getNextTransitions(snapshot)) {
    const type = t.eventType;
    if (
      type === '' ||
      type === '*' ||
      type.startsWith('xstate.done.') ||
      type.startsWith('xstate.error.') ||
      out.has(type)
    )
      continue;
    const delay = 'delay' in t ? t.delay : undefined;
    out.set(type, type.startsWith('xstate.after.') && delay !== undefined ? `after:${String(delay)}` : type);
  }
  return [...out].map(([type, label]) => ({ type, label }));
}

function nodeOf(snapshot: AnyMachineSnapshot): StateSpaceNode {
  const states: string[] = [];
  const leaves: string[] = [];
  const walk = (value: StateValue, prefix: string) => {
    if (typeof value === 'string') {
      const path = prefix === '' ? value : `${prefix}.${value}`;
      states.push(path);
      leaves.push(path);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      states.push(path);
      if (child !== undefined) walk(child, path);
    }
  };
  walk(snapshot.value, '');
  return {
    key: keyOf(snapshot.value),
    value: snapshot.value,
    states,
    leaves,
    tags: [...snapshot.tags].map(String).sort(),
    final: snapshot.status === 'done',
    events: [],
  };
}

function pointerOf(params: unknown): string {
  return typeof params === 'object' && params !== null && 'pointer' in params ? String(params.pointer) : '';
}

function keyOf(value: StateValue): string {
  return JSON.stringify(value);
}

function machineProblem(error: unknown): Problem {
  return {
    code: 'machine-invalid',
    location: { pointer: '/machine' },
    ...statechartTexts.machineInvalid(error instanceof Error ? error.message : String(error)),
  };
}

function boundProblem(max: number): Problem {
  return {
    code: 'state-space-too-large',
    location: { pointer: '/machine' },
    ...statechartTexts.stateSpaceTooLarge(max),
  };
}
