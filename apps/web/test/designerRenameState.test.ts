import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listStates, listTransitions, resolveTarget } from '@ruta/protocol';
import type { MachineConfig } from '@ruta/protocol';
import { renameState } from '../src/designer/model/renameState.js';
import { EditError } from '../src/designer/model/EditError.js';
import { voluntaryReturnFixture as doc } from '../src/designer/fixtures/voluntaryReturnFixture.js';
import { generateProtocol } from '../src/designer/fixtures/generateProtocol.js';

/** Where each transition leads, as "source event -> target path", with old paths mapped. */
function routes(machine: MachineConfig, map: (p: string) => string = (p) => p): string[] {
  return listTransitions(machine)
    .map((t) => {
      const to =
        t.transition.target === undefined ? '(none)' : resolveTarget(machine, t.source, t.transition.target);
      return `${map(t.source)} ${t.event} -> ${to === null ? 'BROKEN' : map(to)}`;
    })
    .sort();
}

describe('renaming a state', () => {
  it('keeps every transition going where it went, including into and out of the renamed state', () => {
    const next = renameState(doc, 'riskAssessment', 'evaluacionRiesgo');
    const map = (p: string) => (p === 'riskAssessment' ? 'evaluacionRiesgo' : p);
    expect(routes(next.machine)).toEqual(routes(doc.machine, map));
    expect(Object.keys(next.machine.states).indexOf('evaluacionRiesgo')).toBe(1);
  });

  it('renames a compound parent and keeps paths into its children working', () => {
    const next = renameState(doc, 'preparation.documents', 'papers');
    const map = (p: string) => p.replace(/^preparation\.documents/, 'preparation.papers');
    expect(routes(next.machine)).toEqual(routes(doc.machine, map));
    expect(listStates(next.machine).map((s) => s.path)).toContain('preparation.papers.issued');
  });

  it('moves the initial state along with the rename', () => {
    const next = renameState(doc, 'consent', 'consentimiento');
    expect(next.machine.initial).toBe('consentimiento');
  });

  it('refuses a key already used by a sibling, and leaves the protocol unchanged', () => {
    expect(() => renameState(doc, 'travel', 'reception')).toThrow(EditError);
    expect(() => renameState(doc, 'travel', 'has space')).toThrow(/bad-state-key/);
  });

  it('keeps behaviour for any state of a large protocol renamed to any free key', () => {
    const big = generateProtocol(60);
    const paths = listStates(big.machine).map((s) => s.path);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/), (path, key) => {
        const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
        const newPath = parent === '' ? key : `${parent}.${key}`;
        const siblings = listStates(big.machine)
          .filter((s) => (s.parent ?? '') === parent)
          .map((s) => s.key);
        fc.pre(!siblings.includes(key));
        const next = renameState(big, path, key);
        const map = (p: string) =>
          p === path || p.startsWith(`${path}.`) ? newPath + p.slice(path.length) : p;
        expect(routes(next.machine)).toEqual(routes(big.machine, map));
        expect(routes(next.machine).some((r) => r.endsWith('BROKEN'))).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
