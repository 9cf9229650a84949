import { afterAll, describe, expect, it } from 'vitest';
import { makeRepo, ruta } from './repo.js';

const repo = makeRepo();
afterAll(() => repo.remove());

describe('ruta --help and usage errors', () => {
  it('describes every command', () => {
    const r = ruta(['--help'], repo.dir);
    expect(r.status).toBe(0);
    for (const command of ['ruta verify', 'ruta diff', 'ruta simulate']) expect(r.stdout).toContain(command);
  });

  it('describes each command on its own', () => {
    const r = ruta(['simulate', '--help'], repo.dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('events.json');
    expect(r.stdout).toContain('--country');
  });

  it('tells how to choose the language of the problems, for every command', () => {
    for (const command of ['verify', 'diff', 'simulate']) {
      const r = ruta([command, '--help'], repo.dir);
      expect(r.stdout, command).toContain('--lang');
      expect(r.stdout, command).toContain('LANG or LC_ALL');
    }
  });

  it('refuses an unknown command with exit code 2 and the usage', () => {
    const r = ruta(['verfy'], repo.dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "verfy"');
    expect(r.stderr).toContain('ruta verify');
  });

  it('refuses an unknown option with exit code 2, without a stack trace', () => {
    const r = ruta(['verify', '--jsn'], repo.dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("'--jsn'");
    expect(r.stderr).toContain('ruta verify --help');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
