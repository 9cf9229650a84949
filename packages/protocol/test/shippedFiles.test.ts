import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRegistry, resolveProtocol } from '../src/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function jsonFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

describe('the files the product ships', () => {
  const files = [...jsonFiles(join(root, 'workflows')), ...jsonFiles(join(root, 'forms'))].map((path) => ({
    path: relative(root, path),
    text: readFileSync(path, 'utf8'),
  }));
  const registry = loadRegistry(files);

  it('every file in workflows/ and forms/ passes its schema', () => {
    expect(registry.protocols.size).toBeGreaterThan(0);
    expect(registry.forms.size).toBeGreaterThan(0);
    expect(
      registry.problems.map((p) => `${p.location.file}${p.location.pointer}: ${p.message} (${p.hint})`),
    ).toEqual([]);
  });

  it('every protocol and variant resolves, forms and invariants included', () => {
    const failures = [...registry.protocols.keys(), ...registry.variants.keys()].flatMap((ref) => {
      const r = resolveProtocol(registry, ref);
      return r.ok ? [] : r.problems.map((p) => `${ref}: ${p.message} (${p.hint})`);
    });
    expect(failures).toEqual([]);
  });
});
