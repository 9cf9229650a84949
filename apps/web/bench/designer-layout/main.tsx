import { createRoot } from 'react-dom/client';
import { generateProtocol } from '../../src/designer/fixtures/generateProtocol.js';
import { EditorHarness } from '../../src/designer/fixtures/EditorHarness.js';
import { EditorView } from '../../src/designer/components/EditorView.js';
import { clearLayoutCache } from '../../src/designer/graph/useChartLayout.js';

declare global {
  interface Window {
    /** Opens the editor on a generated protocol from scratch; resolves with the milliseconds until the chart is drawn. */
    runDesignerLayout: (states: number) => Promise<number>;
    /**
     * Opens the editor, selects a state and types its title letter by letter; resolves with the
     * milliseconds from each keystroke to the next painted frame.
     */
    runDesignerTyping: (states: number, text: string) => Promise<number[]>;
  }
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Types into a React-controlled input as a keyboard would (the native setter, then an input event). */
function typeInto(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
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

window.runDesignerTyping = (states: number, text: string) =>
  new Promise<number[]>((resolve, reject) => {
    const doc = generateProtocol(states);
    const root = createRoot(host);
    const timeout = setTimeout(
      () => reject(new Error(`typing did not finish in 60 s: ${host.innerText.slice(0, 300)}`)),
      60_000,
    );
    let started = false;
    const ready = async () => {
      if (started) return;
      started = true;
      try {
        await frame();
        const node = host.querySelector<HTMLElement>('.react-flow__node[data-id="phase0"]');
        if (!node) throw new Error('no node to select');
        node.click();
        await frame();
        const input = host.querySelector<HTMLInputElement>('input[name="state-title-es"]');
        if (!input) throw new Error('the state panel did not open');
        const times: number[] = [];
        let value = input.value;
        for (const ch of text) {
          value += ch;
          const t0 = performance.now();
          typeInto(input, value);
          await frame();
          times.push(performance.now() - t0);
        }
        root.unmount();
        clearTimeout(timeout);
        resolve(times);
      } catch (e) {
        root.unmount();
        clearTimeout(timeout);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    root.render(
      <div style={{ width: 1400, height: 900, display: 'flex', flexDirection: 'column' }}>
        <EditorHarness doc={doc}>
          {(editor) => <EditorView editor={editor} lang="es" onGraphReady={() => void ready()} />}
        </EditorHarness>
      </div>,
    );
  });
