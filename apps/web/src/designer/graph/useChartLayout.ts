import { useEffect, useState } from 'react';
import type { ELK } from 'elkjs/lib/elk-api.js';
import type { ChartGraph } from '../model/chartGraph.js';
import { layoutKey } from '../model/chartGraph.js';
import { layoutChart } from '../model/layoutChart.js';
import type { ChartLayout } from '../model/layoutChart.js';

/** ELK is a large library: loaded with the first chart, in a chunk of its own. */
let elk: Promise<ELK> | null = null;
const loadElk = () => (elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default()));
/** Layouts by structure: undo, redo and switching between versions reuse them. */
const cache = new Map<string, ChartLayout>();
const CACHE_SIZE = 40;
/** Charts up to this many states get their edge labels placed by ELK. */
const LABELLED_UP_TO = 80;

/** Forgets every cached layout (for the benchmark, which measures layout from scratch). */
export function clearLayoutCache(): void {
  cache.clear();
}

/**
 * The ELK layout of a graph, recomputed only when its structure changes (layoutKey), never on
 * text edits. While a new layout is computed the previous one stays on screen.
 */
export function useChartLayout(graph: ChartGraph): {
  layout: ChartLayout | null;
  key: string;
  error: string | null;
} {
  const key = layoutKey(graph);
  const [state, setState] = useState<{ key: string; layout: ChartLayout | null; error: string | null }>(
    () => ({
      key,
      layout: cache.get(key) ?? null,
      error: null,
    }),
  );
  useEffect(() => {
    const hit = cache.get(key);
    if (hit) {
      setState({ key, layout: hit, error: null });
      return;
    }
    let live = true;
    loadElk()
      // On large charts ELK's label placement costs as much as the rest of the layout: labels then
      // go on the middle of their route instead.
      .then((e) => layoutChart(e, graph, { edgeLabels: graph.nodes.length <= LABELLED_UP_TO }))
      .then(
        (layout) => {
          cache.set(key, layout);
          if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
          if (live) setState({ key, layout, error: null });
        },
        (e: unknown) => {
          if (live) setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }));
        },
      );
    return () => {
      live = false;
    };
  }, [key]);
  return { layout: state.layout, key: state.key, error: state.error };
}
