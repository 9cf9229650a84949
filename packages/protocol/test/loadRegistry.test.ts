import { describe, expect, it } from 'vitest';
import { latestVersion, loadRegistry } from '../src/index.js';
import { childProtocol, pathOf, screeningForm, sharedInvariants, variant } from './protocolFixture.js';

const file = (f: Parameters<typeof pathOf>[0], path = pathOf(f)) => ({ path, text: JSON.stringify(f) });

describe('loadRegistry', () => {
  it('classifies files by kind and keys them for lookup', () => {
    const v2 = { ...childProtocol(), version: 2 };
    const registry = loadRegistry([
      file(childProtocol()),
      file(v2),
      file(variant([])),
      file(screeningForm()),
      file(sharedInvariants()),
    ]);
    expect(registry.problems).toEqual([]);
    expect([...registry.protocols.keys()]).toEqual(['child-repatriation@1', 'child-repatriation@2']);
    expect([...registry.variants.keys()]).toEqual(['child-repatriation-gt@1']);
    expect(registry.forms.get('screening')).toEqual({ path: 'forms/screening.json', file: screeningForm() });
    expect(registry.invariants.map((i) => i.id)).toEqual([
      'best-interest-before-return',
      'consent-until-travel',
      'notify-origin',
    ]);
    expect(latestVersion(registry, 'child-repatriation')).toBe(2);
    expect(latestVersion(registry, 'child-repatriation-gt')).toBe(1);
    expect(latestVersion(registry, 'nothing')).toBeUndefined();
  });

  it('reports the same version twice and keeps the first', () => {
    const registry = loadRegistry([
      file(childProtocol(), 'workflows/a.json'),
      file({ ...childProtocol(), title: { es: 'Otra', en: 'Other' } }, 'workflows/b.json'),
      file(variant([], { id: 'child-repatriation' }), 'workflows/c.json'),
    ]);
    expect(registry.problems.map((p) => [p.code, p.location.file])).toEqual([
      ['duplicate-protocol', 'workflows/b.json'],
      ['duplicate-protocol', 'workflows/c.json'],
    ]);
    expect(registry.problems[0]!.message).toContain('workflows/a.json');
    expect(registry.protocols.get('child-repatriation@1')?.path).toBe('workflows/a.json');
    expect(registry.variants.size).toBe(0);
  });

  it('reports the same form id twice, and the same shared invariant twice', () => {
    const registry = loadRegistry([
      file(screeningForm(), 'forms/a.json'),
      file({ ...screeningForm(), version: 2 }, 'forms/b.json'),
      file(sharedInvariants(), 'workflows/invariants.json'),
      file(sharedInvariants(), 'workflows/more-invariants.json'),
    ]);
    expect(registry.problems.map((p) => [p.code, p.location.file, p.location.pointer])).toEqual([
      ['duplicate-form', 'forms/b.json', '/id'],
      ['duplicate-invariant', 'workflows/more-invariants.json', '/invariants/0/id'],
      ['duplicate-invariant', 'workflows/more-invariants.json', '/invariants/1/id'],
      ['duplicate-invariant', 'workflows/more-invariants.json', '/invariants/2/id'],
    ]);
    expect(registry.forms.get('screening')?.file.version).toBe(1);
    expect(registry.invariants).toHaveLength(3);
  });

  it('reports malformed, unclassified and invalid files, and leaves them out', () => {
    const bad = { ...childProtocol(), jurisdiction: 'XX' };
    const registry = loadRegistry([
      { path: 'workflows/broken.json', text: '{"kind": "protocol",' },
      { path: 'workflows/what.json', text: '{"id": "x"}' },
      { path: 'workflows/proto.json', text: '{"kind": "protocol", "__proto__": {}}' },
      { path: 'workflows/bad.json', text: JSON.stringify(bad) },
    ]);
    expect(registry.problems.map((p) => [p.code, p.location.file])).toEqual([
      ['json-malformed', 'workflows/broken.json'],
      ['unknown-kind', 'workflows/what.json'],
      ['json-forbidden-key', 'workflows/proto.json'],
      ['schema-enum', 'workflows/bad.json'],
    ]);
    expect(registry.protocols.size).toBe(0);
    expect(registry.rejected.get('child-repatriation@1')).toBe('workflows/bad.json');
  });
});
