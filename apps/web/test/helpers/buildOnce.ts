import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, WEB_DIR } from './paths.js';

/**
 * Builds into a directory of the test's own (removed at exit): other engineers and CI build into
 * the shared apps/web/dist and storybook-static, and a build that empties the directory a test
 * is serving would fail that test for no fault of the app.
 */
function privateDir(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `ruta-${name}-`));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

let storybook: string | undefined;
let web: string | undefined;

/** storybook build of .storybook into a private directory, once per test process. */
export function buildStorybook(): string {
  if (storybook) return storybook;
  const out = privateDir('storybook');
  execFileSync(
    path.join(WEB_DIR, 'node_modules/.bin/storybook'),
    ['build', '-c', path.join(REPO_ROOT, '.storybook'), '-o', out, '--quiet', '--disable-telemetry'],
    { cwd: WEB_DIR, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 },
  );
  storybook = out;
  return out;
}

/** vite build of the web app into a private directory, once per test process. */
export function buildWeb(): string {
  if (web) return web;
  const out = privateDir('web');
  execFileSync(
    path.join(REPO_ROOT, 'node_modules/.bin/vite'),
    ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: WEB_DIR,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 300_000,
    },
  );
  web = out;
  return out;
}
