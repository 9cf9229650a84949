import { afterAll, describe, expect, it } from 'vitest';
import { makeRepo, ruta } from './repo.js';

const repo = makeRepo();
afterAll(() => repo.remove());

describe('ruta diff', () => {
  it('shows what a national variant changes, with exit code 0', () => {
    const r = ruta(['diff', 'mini@1', 'mini-gt@1'], repo.dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('mini@1 -> mini-gt@1');
    expect(r.stdout).toMatch(/screening.*institution/);
    expect(r.stdout).toMatch(/consent.*deadline/);
  });

  it('accepts file paths and prints JSON with --json', () => {
    const r = ruta(
      ['diff', 'workflows/regional/mini.v1.json', 'workflows/variants/gt/mini-gt.v1.json', '--json'],
      repo.dir,
    );
    expect(r.status).toBe(0);
    const diff = JSON.parse(r.stdout);
    expect(diff.from).toEqual({ id: 'mini', version: 1 });
    expect(diff.to).toEqual({ id: 'mini-gt', version: 1 });
  });

  it('finds no difference between a version and itself', () => {
    const r = ruta(['diff', 'mini@1', 'mini'], repo.dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No differences.');
  });

  it('fails on an unknown version with the list of known ones', () => {
    const r = ruta(['diff', 'mini@1', 'mini@3'], repo.dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('mini has no version 3');
    expect(r.stderr).toContain('Known versions: mini-gt@1, mini@1');
  });

  it('refuses anything but two versions with exit code 2', () => {
    const r = ruta(['diff', 'mini@1'], repo.dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('give two protocol versions');
  });
});
