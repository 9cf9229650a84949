// Where a case may be handed over to another country (meta.handover) is edited in the designer:
// every shipped protocol and variant saved unchanged keeps it, marking a stage of a national
// variant becomes one setStateMeta change, and a permission without its clause is reported at
// the stage.
import { describe, expect, it } from 'vitest';
import { getState, handoverStages } from '@ruta/protocol';
import type { MachineConfig, ResolvedProtocol } from '@ruta/protocol';
import { fileFor } from '../src/designer/state/useDraftSession.js';
import { applyVariant } from '../src/designer/model/variantFile.js';
import { updateStateMeta } from '../src/designer/model/updateState.js';
import { lintDesignDoc } from '../src/designer/model/lintDesignDoc.js';
import { locateProblem } from '../src/designer/model/locateProblem.js';
import { shipped, shippedRegistry } from './designerShipped.js';
import { shippedDraft } from './designerShippedDrafts.js';

/** Every handover permission of a statechart, by state path. */
function permissions(machine: MachineConfig): Record<string, unknown> {
  return Object.fromEntries(
    handoverStages(machine).map((s) => [s.path, getState(machine, s.path)!.meta.handover]),
  );
}

const refs = [...shippedRegistry().protocols.keys(), ...shippedRegistry().variants.keys()];

/** A draft saved as the designer stores it, read back as the protocol it makes. */
function saved(resolved: ResolvedProtocol, edit: (doc: ResolvedProtocol) => ResolvedProtocol = (d) => d) {
  const loaded = shippedDraft(resolved);
  const { file } = fileFor(loaded, edit(loaded.doc));
  const doc =
    file.kind === 'variant'
      ? applyVariant(loaded.base!, file).doc
      : ({ ...file, forms: loaded.doc.forms } as unknown as ResolvedProtocol);
  return { file, doc };
}

describe('where a case may be handed over, in the designer', () => {
  it('has permissions to keep: child repatriation at the coordination of the liaisons', () => {
    expect(Object.keys(permissions(shipped('child-repatriation@1').machine))).toContain(
      'solution.coordination',
    );
    expect(refs.filter((r) => handoverStages(shipped(r).machine).length > 0).length).toBeGreaterThan(3);
  });

  it.each(refs)('%s saved unchanged keeps every handover permission', (ref) => {
    const resolved = shipped(ref);
    expect(permissions(saved(resolved).doc.machine)).toEqual(permissions(resolved.machine));
  });

  it('marks a stage of a national variant as one setStateMeta change, kept when applied', () => {
    const resolved = shipped('child-repatriation-gt@1');
    expect(getState(resolved.machine, 'reception')?.meta.handover).toBeUndefined();
    const handover = {
      legal: [{ seed: '003' as const, clause: '9.3' }],
      note: {
        es: 'La autoridad de protección del país de origen recibe al niño',
        en: "The origin country's child-protection authority receives the child",
      },
    };
    const { file, doc } = saved(resolved, (d) => updateStateMeta(d, 'reception', { handover }));
    expect(file.kind).toBe('variant');
    const atStage = (f: typeof file) =>
      f.kind === 'variant' ? f.changes.filter((c) => 'path' in c && c.path === 'reception') : [];
    // The variant already sets the receiving institution there: the mark joins that change.
    const [before] = atStage(saved(resolved).file);
    expect(before).toMatchObject({ op: 'setStateMeta', path: 'reception' });
    expect(atStage(file)).toEqual([{ ...before, meta: { ...(before as { meta: object }).meta, handover } }]);
    expect(getState(doc.machine, 'reception')?.meta.handover).toEqual(handover);
    expect(permissions(doc.machine)).toEqual({ ...permissions(resolved.machine), reception: handover });
  });

  it.each(['child-repatriation-gt@1', 'child-repatriation-mx@1', 'child-repatriation-sv@1'])(
    '%s changes the clauses of a permission it inherits, and keeps the others',
    (ref) => {
      const resolved = shipped(ref);
      const handover = { legal: [{ seed: '004' as const, clause: 'F.3', law: 'Ley nacional, art. 11' }] };
      expect(getState(resolved.machine, 'solution.coordination')?.meta.handover).not.toEqual(handover);
      const { file, doc } = saved(resolved, (d) => updateStateMeta(d, 'solution.coordination', { handover }));
      expect(file.kind).toBe('variant');
      expect(permissions(doc.machine)).toEqual({
        ...permissions(resolved.machine),
        'solution.coordination': handover,
      });
    },
  );

  it('takes the permission off a stage of a national variant', () => {
    const resolved = shipped('child-repatriation-gt@1');
    const { doc } = saved(resolved, (d) =>
      updateStateMeta(d, 'solution.coordination', { handover: undefined }),
    );
    expect(getState(doc.machine, 'solution.coordination')?.meta.handover).toBeUndefined();
    expect(Object.keys(permissions(doc.machine))).not.toContain('solution.coordination');
  });

  it('reports a permission without a clause, or with an empty one, at its stage', () => {
    const base = shipped('child-repatriation@1');
    const at = (doc: ResolvedProtocol) =>
      lintDesignDoc(doc)
        .filter((p) => p.location.pointer.includes('/meta/handover'))
        .map((p) => ({ code: p.code, at: locateProblem(doc, p), es: p.es.message }));
    const none = updateStateMeta(base, 'reception', { handover: { legal: [] } });
    expect(at(none)).toEqual([
      {
        code: 'handover-legal-missing',
        at: { kind: 'state', path: 'reception' },
        es: 'La etapa «reception» permite traspasar el caso a otro país pero no cita ninguna cláusula que lo permita.',
      },
    ]);
    const blank = updateStateMeta(base, 'reception', {
      handover: { legal: [{ seed: '003', clause: ' ' }], note: { es: 'Solo en español', en: '' } },
    });
    expect(at(blank).map((p) => [p.code, p.at])).toEqual([
      ['legal-clause-missing', { kind: 'state', path: 'reception' }],
      ['text-incomplete', { kind: 'state', path: 'reception' }],
    ]);
    expect(at(base)).toEqual([]);
  });
});
