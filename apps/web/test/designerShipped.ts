import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadRegistry, resolveProtocol } from '@ruta/protocol';
import type { Registry, ResolvedProtocol } from '@ruta/protocol';
import { REPO_ROOT } from './helpers/paths.js';

let registry: Registry | undefined;

/** The registry of the shipped workflows/ and forms/, read once. */
export function shippedRegistry(): Registry {
  if (registry) return registry;
  const files: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json'))
        files.push({ path: path.relative(REPO_ROOT, p), text: readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(REPO_ROOT, 'workflows'));
  walk(path.join(REPO_ROOT, 'forms'));
  registry = loadRegistry(files);
  return registry;
}

/** A shipped protocol or variant, resolved ("voluntary-return@1"). */
export function shipped(ref: string): ResolvedProtocol {
  const r = resolveProtocol(shippedRegistry(), ref);
  if (!r.ok) throw new Error(`${ref} does not resolve: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.protocol;
}
