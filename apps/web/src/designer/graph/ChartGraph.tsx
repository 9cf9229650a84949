import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EdgeClick } from './edgeClick.js';
import {
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
  Background,
  Controls,
  MiniMap,
  Panel,
  useReactFlow,
} from '@xyflow/react';
import type {
  AriaLabelConfig,
  Connection,
  Edge,
  Node,
  NodeMouseHandler,
  EdgeMouseHandler,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import '../designer.css';
import type { Lang } from '@ruta/protocol';
import type { DesignDoc, Selection } from '../model/DesignDoc.js';
import { ANY_STATE, chartGraph } from '../model/chartGraph.js';
import { useChartLayout } from './useChartLayout.js';
import { AnyNode, GroupNode, StateNode } from './StateNode.js';
import { RouteEdge } from './RouteEdge.js';
import type { DiffMark, RouteFlowEdge, StateFlowNode } from './graphTypes.js';
import type { Box } from '../model/layoutChart.js';
import { pick } from '../i18n/pick.js';

export interface GraphMarks {
  states: ReadonlyMap<string, DiffMark>;
  transitions: ReadonlyMap<string, DiffMark>;
}

export interface GraphProblems {
  states: ReadonlyMap<string, number>;
  transitions: ReadonlyMap<string, number>;
}

export interface ChartGraphProps {
  doc: DesignDoc;
  lang: Lang;
  selection?: Selection | null;
  onSelect?: (selection: Selection | null) => void;
  /** A connection dragged from one state to another ("" for the any-state node). */
  onConnect?: (source: string, target: string) => void;
  marks?: GraphMarks;
  problems?: GraphProblems;
  /** States active in the simulator. */
  active?: ReadonlySet<string>;
  readOnly?: boolean;
  /** Called once the chart is laid out and drawn, with the time it took since mounting. */
  onReady?: (ms: number) => void;
  label?: string;
  /** Brings the selected state or transition into view when the selection changes (comparisons). */
  followSelection?: boolean;
}

const nodeTypes = { state: StateNode, group: GroupNode, any: AnyNode };
const edgeTypes = { route: RouteEdge };
const noMarks: GraphMarks = { states: new Map(), transitions: new Map() };
const noProblems: GraphProblems = { states: new Map(), transitions: new Map() };
const noActive: ReadonlySet<string> = new Set();
/** Charts with more states than this open on their start rather than fitted whole. */
const LARGE = 40;

/**
 * The statechart as a graph: states as boxes (compound and parallel states as frames around
 * their children), transitions as arrows labelled with their event, laid out by ELK. Nodes are
 * memoised one by one, so an edit re-renders only the states it touched.
 */
export function ChartGraph(props: ChartGraphProps) {
  return (
    <ReactFlowProvider>
      <ChartGraphInner {...props} />
    </ReactFlowProvider>
  );
}

const ChartGraphInner = memo(function ChartGraphInner({
  doc,
  lang,
  selection = null,
  onSelect,
  onConnect,
  marks = noMarks,
  problems = noProblems,
  active = noActive,
  readOnly = false,
  onReady,
  label,
  followSelection = false,
}: ChartGraphProps) {
  const { t } = useTranslation('designer', { lng: lang });
  const graph = useMemo(() => chartGraph(doc.machine), [doc.machine]);
  const { layout, key } = useChartLayout(graph);
  // The chart's own controls and descriptions, in the page's language rather than React Flow's English.
  const ariaLabelConfig = useMemo<Partial<AriaLabelConfig>>(
    () => ({
      'controls.ariaLabel': t('graph.controls'),
      'controls.zoomIn.ariaLabel': t('graph.zoomIn'),
      'controls.zoomOut.ariaLabel': t('graph.zoomOut'),
      'controls.fitView.ariaLabel': t('graph.fitView'),
      'controls.interactive.ariaLabel': t('graph.interactive'),
      'minimap.ariaLabel': t('graph.minimap'),
      'handle.ariaLabel': t('graph.handle'),
      'node.a11yDescription.default': t('graph.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('graph.nodeHelp'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
        t('graph.nodeMoved', { direction, x, y }),
      'edge.a11yDescription.default': t('graph.edgeHelp'),
    }),
    [t],
  );
  const nodeCache = useRef(new Map<string, StateFlowNode>());
  const edgeCache = useRef(new Map<string, RouteFlowEdge>());

  const selectedState = selection?.kind === 'state' ? selection.path : null;
  const selectedEdge =
    selection?.kind === 'transition'
      ? `${selection.ref.source}|${selection.ref.event}|${selection.ref.index}`
      : null;

  const nodes = useMemo(() => {
    if (!layout) return [];
    const parents = new Set(graph.nodes.map((n) => n.parent).filter((p): p is string => p !== null));
    const next = new Map<string, StateFlowNode>();
    const out: StateFlowNode[] = [];
    for (const n of graph.nodes) {
      const box = layout.nodes[n.id];
      if (!box) continue;
      if (n.parent !== null && !layout.nodes[n.parent]) continue;
      const state = n.id === ANY_STATE ? undefined : findState(doc, n.id);
      const data: StateFlowNode['data'] = {
        path: n.id,
        kind: n.kind,
        title: pick(n.title, lang),
        initial: n.initial,
        region: n.region,
        tags: n.tags,
        problems: problems.states.get(n.id) ?? 0,
        active: active.has(n.id),
        lang,
      };
      if (n.form !== undefined) {
        data.form = n.form;
        data.formLabel = t('graph.form');
      }
      if (n.deadlineHours !== undefined) data.deadlineHours = n.deadlineHours;
      const inst = state?.meta.institution;
      if (inst) data.institution = pick(inst, lang);
      if (state?.meta.handover) data.handover = t('graph.handover');
      const mark = marks.states.get(n.id);
      if (mark) data.diff = mark;
      const type = n.kind === 'any' ? 'any' : parents.has(n.id) ? 'group' : 'state';
      const node: StateFlowNode = {
        id: n.id,
        type,
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        style: { width: box.width, height: box.height },
        data,
        selected: selectedState === n.id,
        draggable: false,
        connectable: !readOnly,
        zIndex: type === 'group' ? 0 : 1,
      };
      if (n.parent !== null) node.parentId = n.parent;
      const prev = nodeCache.current.get(n.id);
      const kept = prev && sameNode(prev, node) ? prev : node;
      next.set(n.id, kept);
      out.push(kept);
    }
    nodeCache.current = next;
    return readingOrder(out);
  }, [graph, layout, doc, lang, problems, marks, active, selectedState, readOnly, t]);
  const anyHandover = nodes.some((n) => n.data.handover !== undefined);

  const edges = useMemo(() => {
    if (!layout) return [];
    const next = new Map<string, RouteFlowEdge>();
    const out: RouteFlowEdge[] = [];
    const titles = new Map(graph.nodes.map((n) => [n.id, pick(n.title, lang) || n.id]));
    for (const e of graph.edges) {
      const route = layout.edges[e.id];
      if (!route) continue;
      const event = e.event.startsWith('after:')
        ? `⏲ ${e.event.slice(6)}`
        : e.event === 'done'
          ? '✓'
          : pick(doc.events[e.event]?.title, lang) || e.event;
      const description = t('graph.edge', {
        event,
        from: titles.get(e.source) ?? e.source,
        to: titles.get(e.target) ?? e.target,
      });
      const data: RouteFlowEdge['data'] = {
        points: route.points,
        title: event,
        event: e.event,
        broken: e.broken,
        problems: problems.transitions.get(e.id) ?? 0,
        description,
      };
      if (route.label) data.label = route.label;
      if (e.guard !== undefined) data.guard = e.guard;
      const mark = marks.transitions.get(e.id);
      if (mark) data.diff = mark;
      const edge: RouteFlowEdge = {
        id: e.id,
        source: e.source,
        target: e.target,
        type: 'route',
        data,
        selected: selectedEdge === e.id,
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
        zIndex: 2,
        ariaLabel: description,
      };
      const prev = edgeCache.current.get(e.id);
      const kept = prev && sameEdge(prev, edge) ? prev : edge;
      next.set(e.id, kept);
      out.push(kept);
    }
    edgeCache.current = next;
    return out;
  }, [graph, layout, doc.events, lang, problems, marks, selectedEdge, t]);

  // A large chart opens on where cases start, readable, rather than shrunk to fit whole.
  const startBox = useMemo(() => {
    if (graph.nodes.length <= LARGE || !layout) return undefined;
    return layout.nodes[doc.machine.initial];
  }, [graph, layout, doc.machine.initial]);

  const selectNode = useCallback(
    (id: string) => onSelect?.(id === ANY_STATE ? { kind: 'protocol' } : { kind: 'state', path: id }),
    [onSelect],
  );
  const onNodeClick: NodeMouseHandler<Node> = useCallback((_e, node) => selectNode(node.id), [selectNode]);
  // On a focused state, React Flow takes Enter and Space to select the node in a store of its own,
  // which this chart does not read: the key selects the state here, as a click does.
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      const el = e.target;
      if (!(el instanceof HTMLElement) || !el.classList.contains('react-flow__node') || !el.dataset.id)
        return;
      e.preventDefault();
      selectNode(el.dataset.id);
    },
    [selectNode],
  );
  const selectEdge = useCallback(
    (edgeId: string) => {
      const e = graph.edges.find((x) => x.id === edgeId);
      if (e) onSelect?.({ kind: 'transition', ref: e.ref });
    },
    [graph, onSelect],
  );
  const onEdgeClick: EdgeMouseHandler<Edge> = useCallback((_e, edge) => selectEdge(edge.id), [selectEdge]);
  const handleConnect = useCallback(
    (c: Connection) => {
      if (!onConnect || readOnly) return;
      onConnect(c.source === ANY_STATE ? '' : c.source, c.target);
    },
    [onConnect, readOnly],
  );

  return (
    <EdgeClick.Provider value={selectEdge}>
      <div className="dz-graph" aria-label={label} role="group" data-layout={layout ? key.length : 0}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodeClick={onNodeClick}
          onKeyDown={onKeyDown}
          onEdgeClick={onEdgeClick}
          onPaneClick={() => onSelect?.(null)}
          onConnect={handleConnect}
          nodesDraggable={false}
          nodesConnectable={!readOnly}
          // A transition is reached from the keyboard by its label, a button after the states.
          edgesFocusable={false}
          elementsSelectable
          deleteKeyCode={null}
          minZoom={0.05}
          maxZoom={2}
          onlyRenderVisibleElements={nodes.length > 60}
          proOptions={{ hideAttribution: true }}
          ariaLabelConfig={ariaLabelConfig}
        >
          <Background gap={24} />
          <Controls showInteractive={false} />
          {anyHandover && (
            <Panel position="top-right" className="dz-legend" aria-label={t('graph.legend')} role="note">
              <span className="dz-badge dz-handover" aria-hidden="true">
                ⇄
              </span>{' '}
              {t('graph.legendHandover')}
            </Panel>
          )}
          {nodes.length > 30 && !readOnly && (
            <MiniMap pannable zoomable style={{ width: 140, height: 100 }} />
          )}
          <FitOnLayout
            layoutKey={layout ? key : ''}
            count={nodes.length}
            onReady={onReady}
            start={startBox}
          />
          {followSelection && <FollowSelection selection={selection} graph={graph} />}
        </ReactFlow>
      </div>
    </EdgeClick.Provider>
  );
});

/**
 * Fits the view to the first layout, and reports when it is on screen. Nodes
 * carry their size from ELK, so this does not wait for every node to be measured (with
 * onlyRenderVisibleElements off-screen nodes never are).
 */
function FitOnLayout({
  layoutKey,
  count,
  onReady,
  start,
}: {
  layoutKey: string;
  count: number;
  onReady?: (ms: number) => void;
  /** Where to open instead of fitting the whole chart: the initial state's box. */
  start?: Box | undefined;
}) {
  const flow = useReactFlow();
  const started = useRef(performance.now());
  const reported = useRef(false);
  const fitted = useRef('');
  const mounted = useRef(true);
  // The latest callback, so a parent re-rendering with a new function does not restart the fit.
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    // Only the first layout is fitted: later ones (a state added) keep the designer's view.
    if (layoutKey === '' || count === 0 || fitted.current !== '') return;
    fitted.current = layoutKey;
    requestAnimationFrame(() => {
      if (!mounted.current) return;
      if (start) {
        // The top of the initial state, at a zoom where titles are readable.
        void flow.setCenter(start.x + start.width / 2, start.y + Math.min(start.height, 320), {
          zoom: 0.85,
          duration: 0,
        });
      } else void flow.fitView({ padding: 0.08, duration: 0 });
      requestAnimationFrame(() => {
        if (!mounted.current || reported.current) return;
        reported.current = true;
        onReadyRef.current?.(performance.now() - started.current);
      });
    });
  }, [layoutKey, count, flow, start]);
  return null;
}

/** Zooms to the selected state, or to both ends of the selected transition. */
function FollowSelection({
  selection,
  graph,
}: {
  selection: Selection | null;
  graph: ReturnType<typeof chartGraph>;
}) {
  const flow = useReactFlow();
  useEffect(() => {
    if (!selection) return;
    let ids: string[] = [];
    if (selection.kind === 'state') ids = [selection.path];
    if (selection.kind === 'transition') {
      const e = graph.edges.find(
        (x) =>
          x.ref.source === selection.ref.source &&
          x.ref.event === selection.ref.event &&
          x.ref.index === selection.ref.index,
      );
      if (e) ids = [e.source, e.target];
    }
    const present = ids.filter((id) => flow.getNode(id));
    if (present.length)
      void flow.fitView({ nodes: present.map((id) => ({ id })), maxZoom: 1.1, padding: 0.6, duration: 250 });
  }, [selection, graph, flow]);
  return null;
}

function findState(doc: DesignDoc, path: string) {
  let states = doc.machine.states;
  let s;
  for (const k of path.split('.')) {
    s = states[k];
    if (!s) return undefined;
    states = s.states ?? {};
  }
  return s;
}

function sameNode(a: StateFlowNode, b: StateFlowNode): boolean {
  return (
    a.type === b.type &&
    a.selected === b.selected &&
    a.parentId === b.parentId &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.connectable === b.connectable &&
    shallowSame(a.data, b.data)
  );
}

function sameEdge(a: RouteFlowEdge, b: RouteFlowEdge): boolean {
  return (
    a.selected === b.selected &&
    a.target === b.target &&
    a.ariaLabel === b.ariaLabel &&
    shallowSame(a.data ?? {}, b.data ?? {})
  );
}

function shallowSame(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  return ak.every(
    (k) => a[k] === b[k] || (Array.isArray(a[k]) && JSON.stringify(a[k]) === JSON.stringify(b[k])),
  );
}

/**
 * The nodes in the order a reader follows the chart: top to bottom, left to right among the
 * states of one parent, each parent just before what it holds. Tab goes through the stages in
 * this order (the DOM's), not in the order of their keys, which a stored protocol has sorted.
 */
function readingOrder<T extends { id: string; parentId?: string; position: { x: number; y: number } }>(
  nodes: T[],
): T[] {
  const children = new Map<string | undefined, T[]>();
  for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const out: T[] = [];
  const visit = (parent: string | undefined) => {
    const list = [...(children.get(parent) ?? [])].sort(
      (a, b) => a.position.y - b.position.y || a.position.x - b.position.x,
    );
    for (const n of list) {
      out.push(n);
      visit(n.id);
    }
  };
  visit(undefined);
  // A node whose parent is not drawn keeps its place at the end rather than vanish.
  return out.length === nodes.length ? out : [...out, ...nodes.filter((n) => !out.includes(n))];
}
