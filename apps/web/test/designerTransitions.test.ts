import { describe, expect, it } from 'vitest';
import { listTransitions, resolveTarget } from '@ruta/protocol';
import {
  addTransition,
  moveTransition,
  removeTransition,
  setTransitionEvent,
  updateTransition,
} from '../src/designer/model/transitionEdits.js';
import { setEvent, setGuard } from '../src/designer/model/protocolEdits.js';
import { voluntaryReturnFixture as doc } from '../src/designer/fixtures/voluntaryReturnFixture.js';

const targetOf = (d: typeof doc, source: string, event: string, index = 0) => {
  const t = listTransitions(d.machine).find(
    (x) => x.source === source && x.event === event && x.index === index,
  )!;
  return resolveTarget(d.machine, t.source, t.transition.target!);
};

describe('connecting states', () => {
  it('connects a nested state to a top-level one with a target XState resolves back to it', () => {
    const { doc: next, ref } = addTransition(doc, {
      source: 'preparation.documents.pending',
      targetPath: 'protection',
      event: 'consentWithdrawn',
    });
    expect(ref).toEqual({ source: 'preparation.documents.pending', event: 'consentWithdrawn', index: 0 });
    expect(targetOf(next, ref.source, ref.event)).toBe('protection');
  });

  it('puts a new candidate after the guarded ones', () => {
    const { doc: next, ref } = addTransition(doc, {
      source: 'consent',
      targetPath: 'closed',
      event: 'consentGiven',
    });
    expect(ref.index).toBe(2);
    expect(targetOf(next, 'consent', 'consentGiven', 0)).toBe('riskAssessment');
  });

  it('needs a defined event, and creating one makes it usable', () => {
    expect(() =>
      addTransition(doc, { source: 'reception', targetPath: 'closed', event: 'fastTrack' }),
    ).toThrow(/unknown-event/);
    const withEvent = setEvent(doc, 'fastTrack', { title: { es: 'Vía rápida', en: 'Fast track' } });
    expect(
      addTransition(withEvent, { source: 'reception', targetPath: 'closed', event: 'fastTrack' }).ref.index,
    ).toBe(0);
  });

  it('refuses transitions out of a final state', () => {
    expect(() => addTransition(doc, { source: 'closed', targetPath: 'consent', event: 'received' })).toThrow(
      /final-has-transitions/,
    );
  });
});

describe('editing a transition', () => {
  const ref = { source: 'reception', event: 'received', index: 0 };

  it('sets a guard that exists, and removes it', () => {
    const guarded = setGuard(doc, 'receivedByDinaf', {
      logic: { '==': [{ var: 'case.travel.date' }, '2026-01-01'] },
      description: { es: 'x', en: 'x' },
    });
    const next = updateTransition(guarded, ref, { guard: 'receivedByDinaf' });
    expect(next.machine.states.reception!.on!.received).toEqual({
      target: 'followUp',
      guard: 'receivedByDinaf',
    });
    expect(updateTransition(next, ref, { guard: null }).machine.states.reception!.on!.received).toEqual({
      target: 'followUp',
    });
    expect(() => updateTransition(doc, ref, { guard: 'nope' })).toThrow(/unknown-guard/);
  });

  it('retargets, changes event, reorders and removes', () => {
    let next = updateTransition(doc, ref, { targetPath: 'closed' });
    expect(targetOf(next, 'reception', 'received')).toBe('closed');
    const moved = setTransitionEvent(next, ref, 'followUpDone');
    expect(moved.doc.machine.states.reception!.on).toEqual({ followUpDone: { target: 'closed' } });
    next = moveTransition(doc, { source: 'consent', event: 'consentGiven', index: 1 }, 0).doc;
    expect(targetOf(next, 'consent', 'consentGiven', 0)).toBe('protection');
    next = removeTransition(doc, ref);
    expect(next.machine.states.reception!.on).toBeUndefined();
  });

  it('sets actions from the vocabulary with their parameters', () => {
    const next = updateTransition(doc, ref, {
      actions: [
        { type: 'setDeadline', params: { name: 'visit', hours: 72, title: { es: 'Visita', en: 'Visit' } } },
      ],
    });
    expect(next.machine.states.reception!.on!.received).toEqual({
      target: 'followUp',
      actions: [
        { type: 'setDeadline', params: { name: 'visit', hours: 72, title: { es: 'Visita', en: 'Visit' } } },
      ],
    });
  });
});

describe('a new transition from a step with a form', () => {
  it('records the form by default, and a step without a form records nothing', async () => {
    const { defaultActions } = await import('../src/designer/model/transitionEdits.js');
    expect(defaultActions(doc, 'travel')).toEqual([{ type: 'recordForm', params: { form: 'travel' } }]);
    expect(defaultActions(doc, 'reception')).toEqual([]);
    expect(defaultActions(doc, '')).toEqual([]);
  });
});
