import { createRoot } from 'react-dom/client';
import { generateProtocol } from '../../src/designer/fixtures/generateProtocol.js';
import { EditorHarness } from '../../src/designer/fixtures/EditorHarness.js';
import { EditorView } from '../../src/designer/components/EditorView.js';
import { clearLayoutCache } from '../../src/designer/graph/useChartLayout.js';

declare global {
  interface Window {
    /** Opens the editor on a generated protocol from scratch; resolves with the milliseconds until the chart is drawn. */
    runDesignerLayout: (states: number) => Promise<number>;
  }
}

const host = document.getElementById('root')!;

window.runDesignerLayout = (states: number) =>
  new Promise<number>((resolve, reject) => {
    clearLayoutCache();
    const doc = generateProtocol(states);
    const root = createRoot(host);
    const timeout = setTimeout(
      () =>
        reject(
          new Error(
            `not drawn after 30 s: ${host.querySelectorAll('.react-flow__node').length} nodes in the page`,
          ),
        ),
      30_000,
    );
    const t0 = performance.now();
    const done = () => {
      // The frame that paints the nodes has passed (onReady waits for it).
      const ms = performance.now() - t0;
      const drawn = host.querySelectorAll('.react-flow__node').length;
      root.unmount();
      clearTimeout(timeout);
      if (drawn === 0) reject(new Error('nothing was drawn'));
      else resolve(ms);
    };
    root.render(
      <div style={{ width: 1400, height: 900, display: 'flex', flexDirection: 'column' }}>
        <EditorHarness doc={doc}>
          {(editor) => <EditorView editor={editor} lang="es" onGraphReady={done} />}
        </EditorHarness>
      </div>,
    );
  });
