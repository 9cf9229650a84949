import type { Node, Edge } from '@xyflow/react';
import type { Text } from '@ruta/protocol';
import type { Point, Box } from '../model/layoutChart.js';
import type { StateKind } from '../model/chartGraph.js';

/** How a state or transition differs from the other side of a comparison. */
export type DiffMark = 'added' | 'removed' | 'changed';

export interface StateNodeData extends Record<string, unknown> {
  path: string;
  kind: StateKind | 'any';
  title: string;
  initial: boolean;
  region: boolean;
  form?: string;
  /** What the form badge is, in the chart's language ("Formulario" / "Form"), for screen readers. */
  formLabel?: string;
  deadlineHours?: number;
  tags: string[];
  institution?: string;
  /** Set where `meta.handover` allows a handover: the badge's accessible name, in the chart's language. */
  handover?: string;
  problems: number;
  diff?: DiffMark;
  /** Active in the simulator. */
  active: boolean;
  lang: 'es' | 'en';
}

export interface RouteEdgeData extends Record<string, unknown> {
  points: Point[];
  label?: Box;
  title: string;
  event: string;
  guard?: string;
  broken: boolean;
  diff?: DiffMark;
  problems: number;
  /** What the transition is, from where to where, for screen readers (on its label's button). */
  description: string;
}

export type StateFlowNode = Node<StateNodeData, 'state' | 'group' | 'any'>;
export type RouteFlowEdge = Edge<RouteEdgeData, 'route'>;

export type { Text };
