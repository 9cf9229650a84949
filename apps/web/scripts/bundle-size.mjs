#!/usr/bin/env node
// Prints the gzipped size of what a browser downloads to show the case-worker area's first
// screen: the entry chunk, every chunk it imports statically (transitively) and their CSS.
// Lazy chunks (the case page, the designer) are left out: they load on navigation.
//
//   node apps/web/scripts/bundle-size.mjs [distDir]
//   -> {"metric":"caseworker_initial_gzip_kb","value":123.4,"unit":"kB"}
// Exits 1 when over the budget (RUTA_BUNDLE_BUDGET_KB, default 350).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] ?? path.join(here, '..', 'dist'));
const budget = Number(process.env.RUTA_BUNDLE_BUDGET_KB ?? 350);

let manifest;
try {
  manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
} catch (err) {
  console.error(`bundle-size: no Vite manifest in ${dist}/.vite; run "vite build" first (${err.message})`);
  process.exit(2);
}

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length === 0) {
  console.error('bundle-size: the manifest has no entry chunk');
  process.exit(2);
}

const files = new Set();
const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const dep of chunk.imports ?? []) visit(dep);
};
for (const [key] of entries) visit(key);

let bytes = 0;
const detail = [];
for (const file of files) {
  const gz = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
  bytes += gz;
  detail.push(`${file} ${(gz / 1024).toFixed(1)} kB`);
}
const kb = Math.round((bytes / 1024) * 10) / 10;
console.error(`bundle-size: ${detail.join(', ')}`);
console.log(JSON.stringify({ metric: 'caseworker_initial_gzip_kb', value: kb, unit: 'kB' }));
if (kb > budget) {
  console.error(`bundle-size: ${kb} kB is over the ${budget} kB budget for the initial route`);
  process.exit(1);
}
