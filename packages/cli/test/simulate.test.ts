import { afterAll, describe, expect, it } from 'vitest';
import { makeRepo, ruta } from './repo.js';

const repo = makeRepo();
afterAll(() => repo.remove());

const journey = [
  { event: 'SCREENED' },
  { event: 'CONSENT_GIVEN', data: { given: true, language: 'es' } },
  { event: 'ASSESSED', data: { level: 'low' } },
  { event: 'ARRIVED' },
];

describe('ruta simulate', () => {
  it('steps a case through every event and replays its history', () => {
    repo.write('journey.json', journey);
    const r = ruta(['simulate', 'mini@1', 'journey.json'], repo.dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('opened in screening');
    expect(r.stdout).toMatch(/1\. SCREENED\s+screening -> consent/);
    expect(r.stdout).toMatch(/3\. ASSESSED\s+assessment -> travel/);
    expect(r.stdout).toContain('case now in closure (closed)');
    expect(r.stdout).toContain('replay: all 5 recorded events conform to mini@1; hash chain intact.');
  });

  it('gives the same output on every run', () => {
    repo.write('journey.json', journey);
    const a = ruta(['simulate', 'mini@1', 'journey.json', '--json'], repo.dir);
    const b = ruta(['simulate', 'mini@1', 'journey.json', '--json'], repo.dir);
    expect(a.stdout).toBe(b.stdout);
    const result = JSON.parse(a.stdout);
    expect(result.ok).toBe(true);
    expect(result.conformance.ok).toBe(true);
    expect(result.steps.map((s: { to: unknown }) => s.to)).toEqual([
      'consent',
      'assessment',
      'travel',
      'closure',
    ]);
  });

  it('fails with every reason a step is rejected, and goes on with the next', () => {
    repo.write('rejected.json', [
      { event: 'SCREENED' },
      { event: 'CONSENT_GIVEN', data: { given: 'yes' } },
      { event: 'ARRIVED' },
      { event: 'CONSENT_GIVEN', data: { given: true, language: 'en' } },
    ]);
    const r = ruta(['simulate', 'mini@1', 'rejected.json'], repo.dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/2\. CONSENT_GIVEN\s+REJECTED in consent:/);
    expect(r.stdout).toContain('form-invalid');
    expect(r.stdout).toMatch(/3\. ARRIVED\s+REJECTED in consent:/);
    expect(r.stdout).toContain('event-not-available');
    expect(r.stdout).toMatch(/4\. CONSENT_GIVEN\s+consent -> assessment/);
    expect(r.stdout).toContain('FAILED: 2 steps rejected.');
  });

  it('lets a timer run out with "after:<delay>", in a national variant', () => {
    repo.write('timeout.json', [{ event: 'SCREENED' }, { event: 'after:noAnswer' }]);
    const r = ruta(['simulate', 'mini-gt@1', 'timeout.json', '--json'], repo.dir);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.country).toBe('GT');
    expect(result.steps[1]).toMatchObject({
      event: 'after:noAnswer',
      ok: true,
      from: 'consent',
      to: 'closure',
    });
  });

  it('refuses an events file that is not a list of events with exit code 2', () => {
    repo.write('bad.json', [{ event: 'SCREENED' }, { data: {} }]);
    const r = ruta(['simulate', 'mini@1', 'bad.json'], repo.dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('entry 2: "event" must be the name of an event');
    repo.write('malformed.json', '[{"event": "SCREENED",]');
    const m = ruta(['simulate', 'mini@1', 'malformed.json'], repo.dir);
    expect(m.status).toBe(2);
    expect(m.stderr).toContain('line 1');
    expect(m.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails on an unknown protocol with the list of known versions', () => {
    repo.write('journey.json', journey);
    const r = ruta(['simulate', 'mni@1', 'journey.json'], repo.dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('did you mean "mini"?');
    expect(r.stderr).toContain('Known versions: mini-gt@1, mini@1');
  });
});
