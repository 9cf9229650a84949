import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exploreStateSpace,
  invariantReport,
  loadRegistry,
  resolveProtocol,
  verifyProtocol,
} from '@ruta/protocol';
import type { Population, ProtocolFile, ResolvedProtocol } from '@ruta/protocol';
import { newProtocolProblems } from '../src/designer/model/newProtocolProblems.js';
import { newProtocolSkeleton } from '../src/designer/model/newProtocolSkeleton.js';
import { REPO_ROOT } from './helpers/paths.js';

const invariantsFile = {
  path: 'workflows/invariants.json',
  text: readFileSync(path.join(REPO_ROOT, 'workflows/invariants.json'), 'utf8'),
};

/** The skeleton resolved as the server resolves a draft: its own form, the shared invariants. */
function resolved(
  file: ProtocolFile,
  forms: ReturnType<typeof newProtocolSkeleton>['forms'],
): ResolvedProtocol {
  const registry = loadRegistry([
    { path: 'draft/new.json', text: JSON.stringify(file) },
    ...Object.values(forms).map((f) => ({ path: `draft/forms/${f.id}.json`, text: JSON.stringify(f) })),
    invariantsFile,
  ]);
  expect(registry.problems).toEqual([]);
  const r = resolveProtocol(registry, `${file.id}@${file.version}`);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.protocol;
}

const skeleton = (population: Population) =>
  newProtocolSkeleton({
    id: 'trata-laboral-gt',
    title: { es: 'Trata laboral', en: 'Labour trafficking' },
    population,
    jurisdiction: 'GT',
  });

describe('a protocol started from scratch', () => {
  it.each(['child', 'adult', 'any'] as const)(
    'for %s verifies as it is, keeping every regional invariant in force',
    (population) => {
      const { file, forms } = skeleton(population);
      const protocol = resolved(file, forms);
      const problems = verifyProtocol(protocol);
      expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
      expect(invariantReport(protocol, exploreStateSpace(protocol)).every((i) => i.ok)).toBe(true);
      expect(Object.keys(protocol.forms)).toEqual(['trata-laboral-gt-intake']);
      expect(protocol.machine.states.intake!.meta.form).toBe('trata-laboral-gt-intake');
    },
  );

  it('lets a child or an adult withdraw consent at every step, which the regional invariant needs', () => {
    for (const population of ['child', 'adult'] as const) {
      const { file, forms } = skeleton(population);
      const { on: _withdrawal, ...machine } = file.machine;
      const without = resolved({ ...file, machine }, forms);
      expect(
        invariantReport(without, exploreStateSpace(without)).find(
          (i) => i.id === 'consent-withdrawable-before-travel',
        )?.ok,
      ).toBe(false);
    }
  });
});

describe('the new-protocol form', () => {
  const taken = { published: ['child-repatriation', 'trata-en-transito'], drafts: ['trata-borrador'] };
  const title = { es: 'Trata laboral', en: 'Labour trafficking' };

  it('accepts a kebab-case id nobody has, with a title in both languages', () => {
    expect(newProtocolProblems({ id: 'trata-laboral-gt', title }, taken)).toEqual({});
  });

  it('says which field is wrong: a malformed, too long or taken id, a title missing in a language', () => {
    expect(newProtocolProblems({ id: 'Trata laboral', title }, taken).id).toBe('id-malformed');
    expect(newProtocolProblems({ id: '1-trata', title }, taken).id).toBe('id-malformed');
    expect(newProtocolProblems({ id: `t${'a'.repeat(73)}`, title }, taken).id).toBe('id-too-long');
    expect(newProtocolProblems({ id: 'trata-en-transito', title }, taken).id).toBe('id-published');
    expect(newProtocolProblems({ id: 'trata-borrador', title }, taken).id).toBe('id-drafted');
    expect(newProtocolProblems({ id: 'trata', title: { es: ' ', en: 'Labour' } }, taken)).toEqual({
      titleEs: 'title-missing',
    });
    expect(newProtocolProblems({ id: 'trata', title: { es: 'Trata', en: '' } }, taken)).toEqual({
      titleEn: 'title-missing',
    });
  });
});
