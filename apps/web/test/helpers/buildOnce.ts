import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, WEB_DIR } from './paths.js';

/** Newest modification time of any file under these paths (node_modules and outputs skipped). */
function newest(paths: string[]): number {
  let max = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const name of readdirSync(p)) {
        if (name === 'node_modules' || name === 'dist' || name === 'test') continue;
        walk(path.join(p, name));
      }
    } else max = Math.max(max, s.mtimeMs);
  };
  paths.forEach(walk);
  return max;
}

const SOURCES = [
  path.join(WEB_DIR, 'src'),
  path.join(WEB_DIR, 'index.html'),
  path.join(WEB_DIR, 'public'),
  path.join(WEB_DIR, 'vite.config.ts'),
  path.join(REPO_ROOT, '.storybook'),
  path.join(REPO_ROOT, 'packages/protocol/src'),
  path.join(REPO_ROOT, 'forms'),
  path.join(REPO_ROOT, 'workflows'),
];

/**
 * Runs `npm run <script>` unless `marker` is newer than every source: CI builds before the
 * tests, so the tests do not build twice; a developer's stale build is rebuilt.
 */
function buildIfStale(script: string, marker: string): void {
  if (existsSync(marker) && statSync(marker).mtimeMs > newest(SOURCES)) return;
  execFileSync('npm', ['run', '-s', script], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  });
}

export const STORYBOOK_DIR = path.join(REPO_ROOT, 'storybook-static');
export const WEB_DIST = path.join(WEB_DIR, 'dist');

export function buildStorybook(): void {
  buildIfStale('build-storybook', path.join(STORYBOOK_DIR, 'index.json'));
}

export function buildWeb(): void {
  buildIfStale('build:web', path.join(WEB_DIST, 'index.html'));
}
