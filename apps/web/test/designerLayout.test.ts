import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { listStates, verifyPassed, verifyProtocol } from '@ruta/protocol';
import { chartGraph, layoutKey } from '../src/designer/model/chartGraph.js';
import { layoutChart } from '../src/designer/model/layoutChart.js';
import { updateStateMeta } from '../src/designer/model/updateState.js';
import { addState } from '../src/designer/model/addState.js';
import { voluntaryReturnFixture as doc } from '../src/designer/fixtures/voluntaryReturnFixture.js';
import { generateProtocol } from '../src/designer/fixtures/generateProtocol.js';
import { labelOnRoute } from '../src/designer/model/layoutChart.js';

const elk = new ELK();

describe('the chart layout', () => {
  it('places children inside their parent state and routes every transition', async () => {
    const graph = chartGraph(doc.machine);
    const layout = await layoutChart(elk, graph);
    const prep = layout.nodes.preparation!;
    const docs = layout.nodes['preparation.documents']!;
    expect(docs.x + docs.width).toBeLessThanOrEqual(prep.width);
    expect(docs.y + docs.height).toBeLessThanOrEqual(prep.height);
    expect(docs.y).toBeGreaterThan(0);
    for (const e of graph.edges) expect(layout.edges[e.id]!.points.length).toBeGreaterThanOrEqual(2);
    // No two top-level states overlap.
    const top = graph.nodes.filter((n) => n.parent === null).map((n) => layout.nodes[n.id]!);
    for (const a of top)
      for (const b of top)
        if (a !== b)
          expect(
            a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y,
          ).toBe(true);
  });

  it('marks initial states, parallel regions and guarded transitions', () => {
    const graph = chartGraph(doc.machine);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get('consent')!.initial).toBe(true);
    expect(byId.get('preparation')!.kind).toBe('parallel');
    expect(byId.get('preparation.documents')!.region).toBe(true);
    expect(byId.get('preparation.documents.pending')!.initial).toBe(true);
    expect(graph.edges.find((e) => e.id === 'consent|consentGiven|0')!.guard).toBe('agrees');
  });

  it('needs no new layout when only texts change, and a new one when a state is added', () => {
    const key = layoutKey(chartGraph(doc.machine));
    const retitled = updateStateMeta(doc, 'travel', {
      title: { es: 'Viaje seguro', en: 'Safe travel' },
      institution: { es: 'OIM', en: 'IOM' },
    });
    expect(layoutKey(chartGraph(retitled.machine))).toBe(key);
    const added = addState(doc, { parent: '', title: { es: 'Nueva', en: 'New' } }).doc;
    expect(layoutKey(chartGraph(added.machine))).not.toBe(key);
  });
});

describe('the benchmark protocol', () => {
  it('has exactly the states asked for, nested and parallel, and verifies', () => {
    for (const n of [40, 150]) {
      const p = generateProtocol(n);
      expect(listStates(p.machine)).toHaveLength(n);
      expect(listStates(p.machine).some((s) => s.state.type === 'parallel')).toBe(true);
      expect(verifyPassed(verifyProtocol(p))).toBe(true);
    }
  });

  it('is laid out whole, with every label on its route when ELK does not place them', async () => {
    const graph = chartGraph(generateProtocol(150).machine);
    const layout = await layoutChart(elk, graph, { edgeLabels: false });
    expect(Object.keys(layout.nodes)).toHaveLength(graph.nodes.length);
    for (const e of graph.edges) expect(layout.edges[e.id]!.label).toBeDefined();
    const label = labelOnRoute([
      { x: 0, y: 0 },
      { x: 0, y: 10 },
      { x: 100, y: 10 },
    ]);
    expect(label.x + label.width / 2).toBe(50);
    expect(label.y + label.height / 2).toBe(10);
  });
});
