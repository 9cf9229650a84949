import { describe, expect, it } from 'vitest';
import { getState } from '@ruta/protocol';
import { addState } from '../src/designer/model/addState.js';
import { updateState, updateStateMeta } from '../src/designer/model/updateState.js';
import { voluntaryReturnFixture as doc } from '../src/designer/fixtures/voluntaryReturnFixture.js';

describe('adding a state', () => {
  it('makes a key from the Spanish title and starts with no legal references', () => {
    const { doc: next, path } = addState(doc, {
      parent: '',
      title: { es: 'Verificación DINAF', en: 'DINAF check' },
    });
    expect(path).toBe('verificacionDinaf');
    expect(getState(next.machine, path)!.meta).toEqual({
      title: { es: 'Verificación DINAF', en: 'DINAF check' },
      legal: [],
    });
    expect(getState(doc.machine, path)).toBeUndefined();
  });

  it('numbers a key that is taken', () => {
    const { path } = addState(doc, { parent: '', title: { es: 'Travel', en: 'Travel' } });
    expect(path).toBe('travel2');
  });

  it('turns an atomic parent into a compound state starting at the new child', () => {
    const { doc: next, path } = addState(doc, {
      parent: 'reception',
      title: { es: 'Entrevista', en: 'Interview' },
    });
    expect(path).toBe('reception.entrevista');
    expect(getState(next.machine, 'reception')!.initial).toBe('entrevista');
  });

  it('refuses children under a final state', () => {
    expect(() => addState(doc, { parent: 'closed', title: { es: 'x', en: 'x' } })).toThrow(
      /final-has-no-children/,
    );
  });
});

describe('editing a state', () => {
  it('sets and clears institution and deadline, keeping title and legal references', () => {
    let next = updateStateMeta(doc, 'travel', {
      institution: { es: 'DINAF', en: 'DINAF' },
      deadline: { hours: 24 },
    });
    expect(getState(next.machine, 'travel')!.meta.institution).toEqual({ es: 'DINAF', en: 'DINAF' });
    next = updateStateMeta(next, 'travel', { deadline: undefined, title: undefined });
    expect(getState(next.machine, 'travel')!.meta.deadline).toBeUndefined();
    expect(getState(next.machine, 'travel')!.meta.title).toEqual(doc.machine.states.travel!.meta.title);
  });

  it('rejects a deadline that is not a positive number of hours and a form that does not exist', () => {
    expect(() => updateStateMeta(doc, 'travel', { deadline: { hours: 0 } })).toThrow(/bad-deadline/);
    expect(() => updateStateMeta(doc, 'travel', { form: 'nope' })).toThrow(/unknown-form/);
  });

  it('only allows kinds that fit the children', () => {
    expect(() => updateState(doc, 'preparation', { type: 'atomic' })).toThrow(/type-needs-no-children/);
    expect(() => updateState(doc, 'reception', { type: 'parallel' })).toThrow(/type-needs-children/);
    const next = updateState(doc, 'preparation', { type: 'compound' });
    expect(getState(next.machine, 'preparation')!.initial).toBe('documents');
  });

  it('cleans tags', () => {
    const next = updateState(doc, 'reception', { tags: [' return ', 'return', ''] });
    expect(getState(next.machine, 'reception')!.tags).toEqual(['return']);
  });
});
