import { describe, expect, it } from 'vitest';
import { expectInSpanish } from '../../../packages/protocol/test/expectInSpanish.js';
import { lintDesignDoc } from '../src/designer/model/lintDesignDoc.js';
import { locateProblem } from '../src/designer/model/locateProblem.js';
import { addState } from '../src/designer/model/addState.js';
import { addForm } from '../src/designer/model/formEdits.js';
import { newEventName } from '../src/designer/model/protocolEdits.js';
import { updateState, updateStateMeta } from '../src/designer/model/updateState.js';
import { updateTransition } from '../src/designer/model/transitionEdits.js';
import { voluntaryReturnFixture as doc } from '../src/designer/fixtures/voluntaryReturnFixture.js';
import { shipped } from './designerShipped.js';

describe('checks of what the designer types', () => {
  it('finds nothing in the shipped protocols', () => {
    for (const ref of [
      'voluntary-return@1',
      'child-repatriation@1',
      'child-repatriation-gt@1',
      'victim-attention@1',
    ]) {
      expect(lintDesignDoc(shipped(ref)), ref).toEqual([]);
    }
  });

  it('finds a text written in one language only, and points at its step', () => {
    const half = updateStateMeta(doc, 'travel', { institution: { es: 'DINAF', en: '' } });
    const [p] = lintDesignDoc(half);
    expect(p).toMatchObject({ code: 'text-incomplete', location: { state: 'travel' } });
    expect(p!.message).toContain('English');
    expect(locateProblem(half, p!)).toEqual({ kind: 'state', path: 'travel' });
  });

  it('finds a legal reference without its clause, and a deadline action without its title', () => {
    const noClause = updateStateMeta(doc, 'reception', { legal: [{ seed: '002', clause: ' ' }] });
    expect(lintDesignDoc(noClause).map((p) => p.code)).toEqual(['legal-clause-missing']);
    const ref = { source: 'reception', event: 'received', index: 0 };
    const deadline = updateTransition(doc, ref, {
      actions: [{ type: 'setDeadline', params: { name: 'visit', hours: 24, title: { es: '', en: '' } } }],
    });
    const [p] = lintDesignDoc(deadline);
    expect(p!.code).toBe('text-incomplete');
    expect(locateProblem(deadline, p!)).toEqual({ kind: 'transition', ref });
  });

  it('names new forms and events the way the protocol files do, and refuses tags that are not kebab-case', () => {
    const hn = { ...doc, jurisdiction: 'HN' as const };
    expect(addForm(hn, { title: { es: 'Verificación DINAF', en: 'DINAF check' } }).id).toBe(
      'hn-verificacion-dinaf',
    );
    expect(addForm(doc, { title: { es: 'Verificación DINAF', en: 'DINAF check' } }).id).toBe(
      'verificacion-dinaf',
    );
    expect(() => addForm(doc, { title: { es: 'x', en: 'x' }, id: 'BadId' })).toThrow(/bad-form-id/);
    expect(newEventName(doc, { es: 'Registrar verificación DINAF', en: 'Record DINAF check' })).toBe(
      'REGISTRAR_VERIFICACION_DINAF',
    );
    expect(() => updateState(doc, 'travel', { tags: ['Risk Assessment'] })).toThrow(/bad-tag/);
    const added = addState(doc, { parent: '', title: { es: 'Nueva', en: '' } }).doc;
    expect(lintDesignDoc(added).map((p) => p.code)).toEqual(['text-incomplete']);
  });

  it('says every problem in Spanish too, the language of the designer', () => {
    const broken = structuredClone(doc);
    broken.title = { es: '', en: 'Voluntary return' };
    broken.events.travelled!.title = { es: ' ', en: ' ' };
    const travel = broken.machine.states.travel!;
    travel.tags = ['Risk Assessment'];
    travel.meta.legal = [{ seed: '004', clause: ' ', law: ' ' }];
    travel.entry = [
      { type: 'setDeadline', params: { name: '24 horas', hours: 24, title: { es: 'Aviso', en: '' } } },
      { type: 'notifyFocalPoint', params: { country: 'origin', reason: { es: '', en: 'Arrival' } } },
    ];
    const problems = lintDesignDoc(broken);
    expect(new Set(problems.map((p) => p.code))).toEqual(
      new Set(['text-incomplete', 'bad-tag', 'legal-clause-missing', 'legal-law-empty', 'bad-deadline-name']),
    );
    expectInSpanish(problems);
    expect(problems.map((p) => p.es.message)).toContain(
      'Falta el texto en español del título del protocolo.',
    );
    expect(problems.map((p) => p.es.message)).toContain(
      'El plazo que pone la etapa «travel» al entrar tiene un nombre que no sirve: «24 horas».',
    );
  });
});
