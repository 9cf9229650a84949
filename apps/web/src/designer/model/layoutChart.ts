import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { ChartGraph, GraphNode } from './chartGraph.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Positions from ELK: node boxes relative to their parent node, edge routes and labels absolute. */
export interface ChartLayout {
  nodes: Record<string, Box>;
  edges: Record<string, { points: Point[]; label?: Box }>;
  width: number;
  height: number;
}

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 58;
export const LABEL_WIDTH = 130;
export const LABEL_HEIGHT = 18;
/** Room at the top of a compound or parallel state for its title. */
export const GROUP_HEADER = 34;

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.edgeCoords': 'ROOT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '46',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeLabel': '4',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.edgeLabels.inline': 'true',
  // Greedy switching costs most of the time on charts of a hundred states and more, for little
  // gain once model order is considered.
  'elk.layered.thoroughness': '3',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.crossingMinimization.greedySwitchHierarchical.type': 'OFF',
};

const GROUP_OPTIONS: Record<string, string> = {
  'elk.padding': `[top=${GROUP_HEADER},left=14,bottom=14,right=14]`,
};

/**
 * Lays the chart out with ELK's layered algorithm, children inside their compound and parallel
 * parents. The answer depends only on the graph's structure (see layoutKey), so callers cache it
 * and editing a title never moves anything.
 */
export async function layoutChart(
  elk: ELK,
  graph: ChartGraph,
  options: { edgeLabels?: boolean } = {},
): Promise<ChartLayout> {
  const elkLabels = options.edgeLabels ?? true;
  const byId = new Map<string, ElkNode>();
  const root: ElkNode = { id: '__root__', layoutOptions: ROOT_OPTIONS, children: [], edges: [] };
  const parents = new Set(graph.nodes.map((n) => n.parent).filter((p): p is string => p !== null));
  const ordered: GraphNode[] = graph.nodes;
  for (const n of ordered) {
    const node: ElkNode = { id: n.id };
    if (parents.has(n.id)) {
      node.children = [];
      node.edges = [];
      node.layoutOptions = GROUP_OPTIONS;
    } else {
      node.width = NODE_WIDTH;
      node.height = NODE_HEIGHT;
    }
    byId.set(n.id, node);
    const parent = n.parent === null ? root : byId.get(n.parent);
    (parent ?? root).children!.push(node);
  }
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent]));
  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    for (let p = parentOf.get(id) ?? null; p !== null; p = parentOf.get(p) ?? null) out.push(p);
    return out;
  };
  for (const e of graph.edges) {
    const edge: ElkExtendedEdge = {
      id: e.id,
      sources: [e.source],
      targets: [e.target],
    };
    if (elkLabels)
      edge.labels = [{ id: `${e.id}#label`, text: e.event, width: LABEL_WIDTH, height: LABEL_HEIGHT }];
    // ELK wants an edge inside the deepest node that contains both ends (and is neither of them).
    const a = ancestors(e.source);
    const b = new Set(ancestors(e.target));
    const container = a.find((p) => b.has(p) && p !== e.source && p !== e.target);
    const holder = (container !== undefined && byId.get(container)) || root;
    (holder.edges ??= []).push(edge);
  }

  const out = await elk.layout(root);
  const layout: ChartLayout = { nodes: {}, edges: {}, width: out.width ?? 0, height: out.height ?? 0 };
  const visit = (n: ElkNode) => {
    for (const c of n.children ?? []) {
      layout.nodes[c.id] = {
        x: c.x ?? 0,
        y: c.y ?? 0,
        width: c.width ?? NODE_WIDTH,
        height: c.height ?? NODE_HEIGHT,
      };
      visit(c);
    }
    for (const e of (n.edges ?? []) as ElkExtendedEdge[]) {
      const points: Point[] = [];
      for (const s of e.sections ?? []) {
        if (points.length === 0) points.push(s.startPoint);
        points.push(...(s.bendPoints ?? []), s.endPoint);
      }
      const l = e.labels?.[0];
      layout.edges[e.id] = l
        ? {
            points,
            label: {
              x: l.x ?? 0,
              y: l.y ?? 0,
              width: l.width ?? LABEL_WIDTH,
              height: l.height ?? LABEL_HEIGHT,
            },
          }
        : { points, label: labelOnRoute(points) };
    }
  };
  visit(out);
  return layout;
}

/** A label box centred on the longest segment of a route (when ELK did not place labels). */
export function labelOnRoute(points: Point[]): Box {
  let best = { x: 0, y: 0, len: -1 };
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len > best.len) best = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, len };
  }
  return {
    x: best.x - LABEL_WIDTH / 2,
    y: best.y - LABEL_HEIGHT / 2,
    width: LABEL_WIDTH,
    height: LABEL_HEIGHT,
  };
}
