import { describe, expect, it } from 'vitest';
import { getState, listTransitions, resolveTarget } from '@ruta/protocol';
import { removeState, incomingTransitions } from '../src/designer/model/removeState.js';
import { voluntaryReturnFixture as doc } from '../src/designer/fixtures/voluntaryReturnFixture.js';

describe('removing a state', () => {
  it('removes the state and the transitions that led into it, and says how many beforehand', () => {
    expect(incomingTransitions(doc, 'protection')).toBe(4);
    const next = removeState(doc, 'protection');
    expect(getState(next.machine, 'protection')).toBeUndefined();
    const broken = listTransitions(next.machine).filter(
      (t) =>
        t.transition.target !== undefined &&
        resolveTarget(next.machine, t.source, t.transition.target) === null,
    );
    expect(broken).toEqual([]);
    // The guarded "agrees" branch stays; the fallback branch to protection is gone.
    expect(next.machine.states.consent!.on!.consentGiven).toEqual([
      { target: 'riskAssessment', guard: 'agrees', actions: [{ type: 'recordForm' }] },
    ]);
  });

  it('picks another initial state when the initial one goes', () => {
    const next = removeState(doc, 'preparation.documents.pending');
    expect(getState(next.machine, 'preparation.documents')!.initial).toBe('issued');
    expect(removeState(doc, 'consent').machine.initial).toBe('riskAssessment');
  });

  it('turns a parent left without children into an ordinary step', () => {
    let next = removeState(doc, 'preparation.documents.pending');
    next = removeState(next, 'preparation.documents.issued');
    const documents = getState(next.machine, 'preparation.documents')!;
    expect(documents.states).toBeUndefined();
    expect(documents.initial).toBeUndefined();
  });

  it('refuses to remove the last state and an unknown one', () => {
    const one = {
      ...doc,
      machine: { ...doc.machine, initial: 'closed', states: { closed: doc.machine.states.closed! } },
    };
    expect(() => removeState(one, 'closed')).toThrow(/last-state/);
    expect(() => removeState(doc, 'nowhere')).toThrow(/unknown-state/);
  });
});
