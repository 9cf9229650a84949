import { listStates, listTransitions, resolveTarget } from '@ruta/protocol';
import type { MachineConfig, Text } from '@ruta/protocol';
import type { TransitionRef } from './DesignDoc.js';

/** Id of the pseudo-node the machine's global transitions (root `on`) leave from. */
export const ANY_STATE = '*';

export type StateKind = 'atomic' | 'compound' | 'parallel' | 'final';

export interface GraphNode {
  /** The state path (or ANY_STATE). */
  id: string;
  parent: string | null;
  kind: StateKind | 'any';
  title: Text;
  initial: boolean;
  /** A region of a parallel state. */
  region: boolean;
  form?: string;
  deadlineHours?: number;
  tags: string[];
}

export interface GraphEdge {
  /** "<source>|<event>|<index>", unique. */
  id: string;
  source: string;
  /** The resolved target; the source itself for a transition without target. */
  target: string;
  ref: TransitionRef;
  event: string;
  guard?: string;
  /** The target string does not name a state. */
  broken: boolean;
}

export interface ChartGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function stateKind(s: { type?: string; states?: object }): StateKind {
  if (s.type === 'final') return 'final';
  if (s.type === 'parallel') return 'parallel';
  if (s.states && Object.keys(s.states).length > 0) return 'compound';
  return 'atomic';
}

/** The statechart as nodes (states, nested) and edges (transitions), for layout and drawing. */
export function chartGraph(machine: MachineConfig): ChartGraph {
  const nodes: GraphNode[] = [];
  const kinds = new Map<string, StateKind>();
  const initialOf = (parent: string) => (parent === '' ? machine.initial : undefined);
  for (const s of listStates(machine)) {
    const kind = stateKind(s.state);
    kinds.set(s.path, kind);
    const parentKind = s.parent === null ? undefined : kinds.get(s.parent);
    const parentState = s.parent === null ? undefined : listParentInitial(machine, s.parent);
    const node: GraphNode = {
      id: s.path,
      parent: s.parent,
      kind,
      title: s.state.meta.title,
      initial:
        s.parent === null ? initialOf('') === s.key : parentKind !== 'parallel' && parentState === s.key,
      region: parentKind === 'parallel',
      tags: s.state.tags ?? [],
    };
    if (s.state.meta.form !== undefined) node.form = s.state.meta.form;
    if (s.state.meta.deadline) node.deadlineHours = s.state.meta.deadline.hours;
    nodes.push(node);
  }
  const edges: GraphEdge[] = [];
  for (const t of listTransitions(machine)) {
    const source = t.source === '' ? ANY_STATE : t.source;
    const resolved =
      t.transition.target === undefined ? null : resolveTarget(machine, t.source, t.transition.target);
    const edge: GraphEdge = {
      id: `${t.source}|${t.event}|${t.index}`,
      source,
      target: resolved ?? source,
      ref: { source: t.source, event: t.event, index: t.index },
      event: t.event,
      broken: t.transition.target !== undefined && resolved === null,
    };
    if (t.transition.guard !== undefined) edge.guard = t.transition.guard;
    edges.push(edge);
  }
  if (edges.some((e) => e.source === ANY_STATE)) {
    nodes.unshift({
      id: ANY_STATE,
      parent: null,
      kind: 'any',
      title: { es: 'Cualquier etapa', en: 'Any step' },
      initial: false,
      region: false,
      tags: [],
    });
  }
  return { nodes, edges };
}

function listParentInitial(machine: MachineConfig, parent: string): string | undefined {
  let states = machine.states;
  let initial: string | undefined;
  for (const key of parent.split('.')) {
    const s = states[key];
    if (!s) return undefined;
    initial = s.initial;
    states = s.states ?? {};
  }
  return initial;
}

/** A string that changes only when the drawing's geometry must: used to skip re-layout on text edits. */
export function layoutKey(graph: ChartGraph): string {
  const n = graph.nodes.map((x) => `${x.id}:${x.kind}:${x.parent ?? ''}`).join(',');
  const e = graph.edges.map((x) => `${x.id}>${x.target}`).join(',');
  return `${n}#${e}`;
}
