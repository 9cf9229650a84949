import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFiles, protocolFile, repoPerTest, ruta } from './repo.js';

const repo = repoPerTest();

describe('ruta verify', () => {
  it('passes a correct repository, found from a folder inside it', () => {
    const { dir } = repo();
    mkdirSync(join(dir, 'workflows', 'deeper'));
    const r = ruta(['verify'], join(dir, 'workflows', 'deeper'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ok: 2 protocols and variants, 2 forms verified, no problems.');
  });

  it('prints exactly the report as JSON with --json', () => {
    const { dir } = repo();
    const r = ruta(['verify', '--json'], dir);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: true,
      protocols: [
        {
          id: 'mini',
          version: 1,
          jurisdiction: 'REGIONAL',
          file: 'workflows/regional/mini.v1.json',
          ok: true,
          problems: [],
        },
        {
          id: 'mini-gt',
          version: 1,
          jurisdiction: 'GT',
          file: 'workflows/variants/gt/mini-gt.v1.json',
          ok: true,
          problems: [],
        },
      ],
      forms: [
        { id: 'consent', version: 1, file: 'forms/consent.json', ok: true, problems: [] },
        { id: 'risk', version: 1, file: 'forms/risk.json', ok: true, problems: [] },
      ],
    });
  });

  it('fails with the file, location, message and hint of each problem', () => {
    const broken = protocolFile();
    broken.machine.states.screening = {
      meta: { title: { es: 'Tamizaje', en: 'Screening' }, legal: [{ seed: '000', clause: '12' }] },
      on: { SCREENED: { target: 'consnt' } },
    };
    const { dir } = repo({ ...defaultFiles(), 'workflows/regional/mini.v1.json': broken });
    const r = ruta(['verify'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('workflows/regional/mini.v1.json  mini@1 (REGIONAL)');
    expect(r.stdout).toContain(
      'error   unknown-target  /machine/states/screening/on/SCREENED/target  state screening',
    );
    expect(r.stdout).toContain('goes to "consnt", which names no state');
    expect(r.stdout).toContain('fix: Did you mean "consent"?');
    // The variant does not repeat its base's problem: it points at the base.
    expect(r.stdout).toContain(
      'workflows/variants/gt/mini-gt.v1.json  mini-gt@1 (GT)\n  error   base-has-problems  /base',
    );
    expect(r.stdout).toMatch(/FAILED: 2 errors and 1 warning in 2 files/);
  });

  it('reports a protocol that breaks an invariant, with the path that shows it', () => {
    const bypass = protocolFile();
    const consent = bypass.machine.states.consent as { on: Record<string, unknown> };
    consent.on.SKIP = { target: 'travel' };
    bypass.events.SKIP = { title: { es: 'Saltar', en: 'Skip' } };
    const { dir } = repo({ ...defaultFiles(), 'workflows/regional/mini.v1.json': bypass });
    const r = ruta(['verify', '--json'], dir);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    const mini = report.protocols.find((p: { id: string }) => p.id === 'mini');
    expect(mini.problems.map((p: { code: string }) => p.code)).toEqual(['invariant-violated']);
    expect(mini.problems[0].message).toContain('--SKIP--> "Travel" (travel)');
    // The variant inherits the problem: reported on the base, and the variant points there.
    const gt = report.protocols.find((p: { id: string }) => p.id === 'mini-gt');
    expect(gt.problems.map((p: { code: string }) => p.code)).toEqual(['base-has-problems']);
  });

  it('reports malformed JSON with line and column, and goes on with the other files', () => {
    const { dir } = repo({ ...defaultFiles(), 'forms/broken.json': '{"kind": "form",\n  "id": }' });
    const r = ruta(['verify', '--json'], dir);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    const broken = report.forms.find((f: { file: string }) => f.file === 'forms/broken.json');
    expect(broken.ok).toBe(false);
    expect(broken.problems[0].location).toMatchObject({ file: 'forms/broken.json', line: 2 });
    expect(report.protocols.every((p: { ok: boolean }) => p.ok)).toBe(true);
    const human = ruta(['verify'], dir);
    expect(human.stdout).toContain('forms/broken.json');
    expect(human.stdout).toContain('line 2');
    expect(human.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a variant whose base does not exist', () => {
    const files = defaultFiles();
    files['workflows/variants/gt/mini-gt.v1.json'] = {
      ...(files['workflows/variants/gt/mini-gt.v1.json'] as object),
      base: 'mini@2',
    };
    const { dir } = repo(files);
    const r = ruta(['verify', '--json'], dir);
    expect(r.status).toBe(1);
    const gt = JSON.parse(r.stdout).protocols.find((p: { id: string }) => p.id === 'mini-gt');
    expect(gt.problems[0]).toMatchObject({
      code: 'missing-base',
      location: { file: 'workflows/variants/gt/mini-gt.v1.json', pointer: '/base' },
    });
  });

  it('verifies only the paths given', () => {
    const { dir } = repo();
    const r = ruta(['verify', 'forms'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0 protocols and variants, 2 forms verified');
  });

  it('refuses a path that does not exist with exit code 2', () => {
    const { dir } = repo();
    const r = ruta(['verify', 'workflow'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('workflow: no such file or folder');
    expect(r.stdout).toBe('');
  });

  it('says where to run it when there is no repository around', () => {
    const { dir } = repo({ 'notes/readme.json': {} });
    const r = ruta(['verify'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no workflows/ folder');
  });
});
