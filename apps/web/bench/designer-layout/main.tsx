import { createRoot } from 'react-dom/client';
import { generateProtocol } from '../../src/designer/fixtures/generateProtocol.js';
import { ChartGraph } from '../../src/designer/graph/ChartGraph.js';
import { clearLayoutCache } from '../../src/designer/graph/useChartLayout.js';

declare global {
  interface Window {
    /** Renders the generated protocol once from scratch; resolves with the milliseconds it took. */
    runDesignerLayout: (states: number) => Promise<number>;
  }
}

const host = document.getElementById('root')!;

window.runDesignerLayout = (states: number) =>
  new Promise<number>((resolve, reject) => {
    const timeout = setTimeout(
      () =>
        reject(
          new Error(
            `not drawn after 30 s: ${host.querySelectorAll('.react-flow__node').length} nodes in the page`,
          ),
        ),
      30_000,
    );
    clearLayoutCache();
    const doc = generateProtocol(states);
    const root = createRoot(host);
    const t0 = performance.now();
    const done = () => {
      // Wait for the frame that paints the nodes.
      requestAnimationFrame(() => {
        const ms = performance.now() - t0;
        const drawn = host.querySelectorAll('.react-flow__node').length;
        root.unmount();
        clearTimeout(timeout);
        if (drawn === 0) reject(new Error('nothing was drawn'));
        else resolve(ms);
      });
    };
    root.render(
      <div style={{ width: 1400, height: 900 }}>
        <ChartGraph doc={doc} lang="es" onReady={done} />
      </div>,
    );
  });
