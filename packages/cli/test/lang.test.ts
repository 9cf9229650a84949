import type { RegistryReport } from '@ruta/protocol';
import { describe, expect, it } from 'vitest';
import { defaultFiles, protocolFile, repoPerTest, ruta } from './repo.js';

const repo = repoPerTest();

/** mini@1 with a transition to a state that does not exist (and so its variant fails too). */
function brokenRepo() {
  const broken = protocolFile();
  broken.machine.states.screening = {
    meta: { title: { es: 'Tamizaje', en: 'Screening' }, legal: [{ seed: '000', clause: '12' }] },
    on: { SCREENED: { target: 'consnt' } },
  };
  return repo({ ...defaultFiles(), 'workflows/regional/mini.v1.json': broken });
}

describe('the language of ruta verify', () => {
  it('reports in Spanish with --lang es: message, what to do and the summary', () => {
    const { dir } = brokenRepo();
    const r = ruta(['verify', '--lang', 'es'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      'error   unknown-target  /machine/states/screening/on/SCREENED/target  etapa screening',
    );
    expect(r.stdout).toContain(
      'Una transición desde «Tamizaje» (screening) con la acción «SCREENED» va a "consnt", que no es ninguna etapa.',
    );
    expect(r.stdout).toContain('qué hacer: ¿Quiso decir «consent»?');
    expect(r.stdout).toContain('aviso   behaviour-not-checked');
    expect(r.stdout).toMatch(/FALLÓ: 2 errores y 1 aviso en 2 archivos/);
    expect(r.stdout).not.toContain('names no state');
  });

  it('speaks Spanish when LANG or LC_ALL is a Spanish locale, and --lang en overrides it', () => {
    const { dir } = brokenRepo();
    const spanish: Record<string, string>[] = [{ LANG: 'es_GT.UTF-8' }, { LC_ALL: 'es_MX.UTF-8' }];
    for (const env of spanish) {
      const r = ruta(['verify'], dir, env);
      expect(r.stdout, JSON.stringify(env)).toContain('que no es ninguna etapa');
    }
    const english = ruta(['verify', '--lang', 'en'], dir, { LANG: 'es_GT.UTF-8' });
    expect(english.stdout).toContain('goes to "consnt", which names no state');
    expect(english.stdout).toContain('fix: Did you mean "consent"?');
    expect(ruta(['verify'], dir, { LANG: 'en_US.UTF-8' }).stdout).toContain('which names no state');
  });

  it('gives every problem of --json in both languages', () => {
    const { dir } = brokenRepo();
    const report = JSON.parse(ruta(['verify', '--json'], dir).stdout) as RegistryReport;
    const problems = [...report.protocols, ...report.forms].flatMap((f) => f.problems);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p).toMatchObject({
        message: expect.any(String),
        hint: expect.any(String),
        es: { message: expect.any(String), hint: expect.any(String) },
      });
    }
    const target = problems.find((p) => p.code === 'unknown-target');
    expect(target?.message).toContain('which names no state');
    expect(target?.es.message).toContain('que no es ninguna etapa');
  });

  it('refuses a language it does not ship, with exit code 2 and nothing on stdout', () => {
    const { dir } = brokenRepo();
    for (const [command, args] of [
      ['verify', []],
      ['diff', ['mini@1', 'mini-gt@1']],
      ['simulate', ['mini@1', 'events.json']],
    ] as const) {
      const r = ruta([command, ...args, '--lang', 'fr'], dir);
      expect(r.status, command).toBe(2);
      expect(r.stderr).toContain(`ruta ${command}: --lang must be one of es, en, not "fr"`);
      expect(r.stderr).toContain(`ruta ${command} --help`);
      expect(r.stdout).toBe('');
    }
  });

  it('says in Spanish why a version given to diff or simulate does not resolve', () => {
    const { dir, write } = repo();
    write('events.json', [{ event: 'SCREENED' }]);
    const diff = ruta(['diff', 'mini@1', 'mini@3', '--lang', 'es'], dir);
    expect(diff.status).toBe(1);
    expect(diff.stderr).toContain('mini no tiene la versión 3.');
    expect(diff.stderr).toContain('qué hacer: Versiones que existen: mini@1.');
    const simulate = ruta(['simulate', 'mini@3', 'events.json'], dir, { LANG: 'es_SV.UTF-8' });
    expect(simulate.status).toBe(1);
    expect(simulate.stderr).toContain('mini no tiene la versión 3.');
  });
});
