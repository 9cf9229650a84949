import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, es } from '../src/designer/i18n/designerTexts.js';
import { WEB_DIR } from './helpers/paths.js';

type Tree = { [k: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !name.includes('.stories.') ? [p] : [];
  });
}

describe("the designer's texts", () => {
  it('say the same things in Spanish and English, none left empty', () => {
    expect(keys(en as unknown as Tree).sort()).toEqual(keys(es as unknown as Tree).sort());
    for (const tree of [es, en])
      for (const k of keys(tree as unknown as Tree))
        expect(
          k.split('.').reduce<unknown>((t, p) => (t as Tree)[p], tree),
          k,
        ).not.toBe('');
  });

  it('have every text the screens ask for', () => {
    const known = new Set(keys(es as unknown as Tree).map((k) => k.replace(/_(one|other)$/, '')));
    const asked = new Set<string>();
    for (const file of sources(path.join(WEB_DIR, 'src/designer'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) asked.add(m[1]!);
    }
    expect(asked.size).toBeGreaterThan(150);
    expect([...asked].filter((k) => !known.has(k))).toEqual([]);
  });
});
