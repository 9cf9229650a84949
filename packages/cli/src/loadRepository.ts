import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry, type Registry } from '@ruta/protocol';
import { findRepositoryRoot } from './findRepositoryRoot.js';
import { readJsonFiles } from './readJsonFiles.js';

export type Loaded =
  { ok: true; registry: Registry; base: string; files: number } | { ok: false; errors: string[] };

/**
 * Reads and loads protocol files: the given paths, or by default workflows/ and forms/ of the
 * repository around `cwd`. `extra` files (given by path to diff or simulate) come first, so a
 * file being tried out wins over a published one with the same id and version.
 */
export function loadRepository(cwd: string, paths: readonly string[], extra: readonly string[] = []): Loaded {
  const root = findRepositoryRoot(cwd);
  let targets = [...paths];
  if (targets.length === 0) {
    if (!root)
      return {
        ok: false,
        errors: [
          `no workflows/ folder in ${cwd} or above it: run ruta inside the repository, or give the files or folders to read`,
        ],
      };
    targets = ['workflows', 'forms'].map((d) => join(root, d)).filter((d) => existsSync(d));
  }
  const base = root ?? cwd;
  const extraRead = readJsonFiles(extra, cwd, base);
  const read = readJsonFiles(targets, cwd, base);
  const errors = [...extraRead.errors, ...read.errors].map((e) => `${e.path}: ${e.message}`);
  if (errors.length > 0) return { ok: false, errors };
  const given = new Set(extraRead.files.map((f) => f.path));
  const files = [...extraRead.files, ...read.files.filter((f) => !given.has(f.path))];
  if (files.length === 0) return { ok: false, errors: [`no .json files in ${targets.join(', ')}`] };
  return { ok: true, registry: loadRegistry(files), base, files: files.length };
}
