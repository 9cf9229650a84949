// Every text the case-worker app asks for exists in Spanish and in English, so no screen ever
// shows a raw key like "case.notDone".
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { es } from '../src/i18n/es.js';
import { WEB_DIR } from './helpers/paths.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'designer' || d.name === 'i18n' ? [] : sources(p);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.stories.tsx') ? [p] : [];
  });
}

function lookup(resources: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      resources,
    );
}

const exists = (resources: object, key: string) =>
  typeof lookup(resources, key) === 'string' || typeof lookup(resources, `${key}_other`) === 'string';

describe('UI texts', () => {
  const keys = new Set<string>();
  for (const file of sources(path.join(WEB_DIR, 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) keys.add(m[1]!);
  }

  it('finds the texts the app uses', () => {
    expect(keys.size).toBeGreaterThan(100);
  });

  it('has every one of them in Spanish and in English', () => {
    const missing = [...keys].flatMap((k) => [
      ...(exists(es, k) ? [] : [`es: ${k}`]),
      ...(exists(en, k) ? [] : [`en: ${k}`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('names every country and role the protocols use, in both languages', async () => {
    const { COUNTRIES, ROLES } = await import('@ruta/protocol');
    for (const c of [...COUNTRIES, 'REGIONAL']) {
      expect(exists(es, `countries.${c}`) && exists(en, `countries.${c}`), c).toBe(true);
    }
    for (const r of ROLES) expect(exists(es, `roles.${r}`) && exists(en, `roles.${r}`), r).toBe(true);
  });
});
