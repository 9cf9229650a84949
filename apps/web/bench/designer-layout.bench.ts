/**
 * Time to open the designer on a generated 150-state protocol until its chart is laid out and drawn,
 * in Chromium.
 * Builds a page around the real editor (EditorView) with Vite, serves it on loopback, opens it in Debian's
 * chromium and renders the protocol from scratch (no cached layout) several times.
 *
 *   npm run bench:designer        prints {"metric":"designer_layout_render_ms","value":N,...}
 *
 * The value is the median of RUNS renders after one warm-up (JIT, fonts); target under 1000 ms.
 * A second line, designer_keystroke_ms, is the median time from a keystroke in a state's title to
 * the next painted frame on the same protocol.
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';

const STATES = 150;
const RUNS = Number(process.env.RUNS ?? 7);
const here = fileURLToPath(new URL('.', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'ruta-designer-bench-'));

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

async function main() {
  await build({
    root: join(here, 'designer-layout'),
    base: './',
    logLevel: 'error',
    plugins: [react()],
    build: { outDir: out, emptyOutDir: true, sourcemap: false },
  });
  const server = createServer((req, res) => {
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    const file = join(out, path === '/' ? 'index.html' : path);
    if (!file.startsWith(out) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const profile = mkdtempSync(join(tmpdir(), 'ruta-designer-bench-profile-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.setDefaultTimeout(60_000);
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof window.runDesignerLayout === 'function');
    await page
      .evaluate((n) => window.runDesignerLayout(n), STATES)
      .catch(async (e: unknown) => {
        await page.screenshot({ path: join(tmpdir(), 'ruta-designer-bench-failure.png') });
        throw new Error(`the chart was not drawn (${String(e)}); page errors: ${errors.join('; ')}`);
      }); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++)
      times.push(await page.evaluate((n) => window.runDesignerLayout(n), STATES));
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.error(
      `designer layout+render, ${STATES} states, ${RUNS} runs (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`,
    );
    console.log(
      JSON.stringify({
        metric: 'designer_layout_render_ms',
        value: Math.round(median),
        unit: 'ms',
        states: STATES,
      }),
    );

    // Typing a state's title: each keystroke is an edit (undoable), and must not lay the chart out again.
    const keys = (
      await page.evaluate((n) => window.runDesignerTyping(n, ' verificada por DINAF'), STATES)
    ).sort((a, b) => a - b);
    const keyMedian = keys[Math.floor(keys.length / 2)]!;
    console.error(
      `designer keystroke to paint, ${STATES} states (ms): ${keys.map((t) => t.toFixed(0)).join(' ')}`,
    );
    console.log(
      JSON.stringify({
        metric: 'designer_keystroke_ms',
        value: Math.round(keyMedian),
        unit: 'ms',
        states: STATES,
      }),
    );
  } finally {
    await browser.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
