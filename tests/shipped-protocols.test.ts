/**
 * The shipped files, as `ruta verify` and the server see them: every file under workflows/ and
 * forms/ loads, every protocol and national variant resolves, and the verifier finds no error.
 * Plus what an auditor checks by hand: each step traced to its seed clause (and, in a variant,
 * to national law), both languages everywhere, and the regional guarantees kept by each variant.
 */
import { verifyPassed, verifyProtocol, type Problem } from '@ruta/protocol';
import { describe, expect, it } from 'vitest';
import { shippedFiles } from './support/shippedFiles.js';
import { shippedProtocols } from './support/shippedProtocols.js';

const files = shippedFiles();
const { registry, protocols, problems } = shippedProtocols(files);

const REGIONAL = [
  'child-repatriation@1',
  'voluntary-return@1',
  'migration-regularisation@1',
  'victim-attention@1',
];
const VARIANTS = [
  'child-repatriation-gt@1',
  'child-repatriation-sv@1',
  'child-repatriation-mx@1',
  'migration-regularisation-mx@1',
  'victim-attention-gt@1',
];

const show = (p: Problem) =>
  `${p.location.file ?? ''}${p.location.pointer} ${p.code}: ${p.message} (fix: ${p.hint})`;

describe('shipped protocols', () => {
  it('load without a problem, and every protocol and variant resolves', () => {
    expect(problems.map(show)).toEqual([]);
    expect(protocols.map((p) => p.ref).sort()).toEqual([...REGIONAL, ...VARIANTS].sort());
  });

  for (const { ref, protocol } of protocols) {
    it(`${ref} verifies: no error, and warnings only about invariants its population has no step for`, () => {
      const found = verifyProtocol(protocol);
      expect(found.filter((p) => p.severity !== 'warning').map(show)).toEqual([]);
      expect(verifyPassed(found)).toBe(true);
      // A regularisation protocol has no "return" or "travel" step: the shared adult invariants check nothing there.
      expect(
        found.filter((p) => p.severity === 'warning' && p.code !== 'invariant-checks-nothing').map(show),
      ).toEqual([]);
    });
  }

  it('each regional protocol is for the population the coalition agreed', () => {
    const population = Object.fromEntries(
      protocols.filter((p) => REGIONAL.includes(p.ref)).map((p) => [p.protocol.id, p.protocol.population]),
    );
    expect(population).toEqual({
      'child-repatriation': 'child',
      'voluntary-return': 'adult',
      'migration-regularisation': 'adult',
      'victim-attention': 'any',
    });
  });

  it('every national variant keeps the regional invariants of its base and says it is illustrative', () => {
    for (const { ref, protocol } of protocols.filter((p) => VARIANTS.includes(p.ref))) {
      const base = protocols.find((p) => p.ref === protocol.base)!;
      expect(base, `${ref} derives from ${protocol.base}`).toBeDefined();
      expect(protocol.invariantsInForce.map((i) => i.id).sort(), ref).toEqual(
        base.protocol.invariantsInForce.map((i) => i.id).sort(),
      );
      expect(protocol.description?.en, ref).toMatch(/checked against current national law/);
      expect(protocol.description?.es, ref).toMatch(/verificarse contra la legislación nacional/);
    }
  });

  it('a child is never returned without best interest and risk assessment, and no one without consent or coordination', () => {
    const inForce = (ref: string) =>
      protocols.find((p) => p.ref === ref)!.protocol.invariantsInForce.map((i) => i.id);
    for (const ref of [
      'child-repatriation@1',
      'child-repatriation-gt@1',
      'child-repatriation-sv@1',
      'child-repatriation-mx@1',
    ]) {
      expect(inForce(ref)).toEqual(
        expect.arrayContaining([
          'child-return-requires-best-interest-and-risk',
          'consent-withdrawable-before-travel',
          'return-requires-liaison-coordination',
        ]),
      );
    }
    expect(inForce('voluntary-return@1')).toEqual(
      expect.arrayContaining([
        'adult-return-requires-consent-and-risk',
        'consent-withdrawable-before-travel',
        'return-requires-liaison-coordination',
      ]),
    );
  });

  it('every state cites a seed clause, and every state a variant adds or re-assigns cites national law', () => {
    const missing: string[] = [];
    for (const { ref, protocol } of protocols) {
      const visit = (states: typeof protocol.machine.states, prefix: string) => {
        for (const [key, state] of Object.entries(states)) {
          const path = prefix ? `${prefix}.${key}` : key;
          if (!state.meta.legal.some((l) => /^00[0-4]$/.test(l.seed) && l.clause.length > 0))
            missing.push(`${ref} ${path}: no seed clause`);
          if (state.states) visit(state.states, path);
        }
      };
      visit(protocol.machine.states, '');
    }
    expect(missing).toEqual([]);
    for (const entry of registry.variants.values()) {
      for (const change of entry.file.changes) {
        if (change.op === 'addState')
          expect(
            change.state.meta.legal.some((l) => l.law),
            `${entry.path}: ${change.path}`,
          ).toBe(true);
      }
      const laws = entry.file.changes.flatMap((c) =>
        c.op === 'addState' ? c.state.meta.legal : c.op === 'setStateMeta' ? (c.meta.legal ?? []) : [],
      );
      expect(laws.filter((l) => l.law).length, `${entry.path} cites national law`).toBeGreaterThan(0);
    }
  });

  it('every text of every shipped file is given in Spanish and in English', () => {
    const gaps: string[] = [];
    const visit = (value: unknown, where: string) => {
      if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${where}/${i}`));
      if (typeof value !== 'object' || value === null) return;
      const o = value as Record<string, unknown>;
      if ('es' in o || 'en' in o) {
        for (const lang of ['es', 'en'])
          if (typeof o[lang] !== 'string' || (o[lang] as string).trim() === '')
            gaps.push(`${where}: no "${lang}"`);
        if (o.es === o.en && typeof o.es === 'string' && o.es.split(' ').length >= 4)
          gaps.push(`${where}: English is a copy of the Spanish`);
      }
      for (const [k, v] of Object.entries(o)) visit(v, `${where}/${k}`);
    };
    for (const file of files) visit(JSON.parse(file.text), file.path);
    expect(gaps).toEqual([]);
  });

  it('form ids are unique, named after their file and prefixed by their protocol', () => {
    const prefix: Record<string, string> = {
      'child-repatriation': 'cr-',
      'voluntary-return': 'vr-',
      'migration-regularisation': 'mr-',
      'victim-attention': 'va-',
    };
    const forms = files.filter((f) => f.path.startsWith('forms/'));
    expect(forms.length).toBe(registry.forms.size);
    for (const file of forms) {
      const [, dir, name] = file.path.split('/');
      const form = JSON.parse(file.text) as { id: string };
      expect(`${form.id}.json`).toBe(name);
      expect(form.id.startsWith(prefix[dir!]!), file.path).toBe(true);
    }
  });
});
