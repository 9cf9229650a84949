import { describe, expect, it } from 'vitest';
import { verifyProtocol } from '../src/index.js';
import { goodProtocol } from './verifyFixture.js';

describe('what each state says about itself', () => {
  it('reports a state without a legal reference', () => {
    const p = goodProtocol();
    p.machine.states.travel!.meta.legal = [];
    const problem = verifyProtocol(p).find((x) => x.code === 'missing-legal-reference');
    expect(problem?.location).toEqual({ pointer: '/machine/states/travel/meta/legal', state: 'travel' });
    expect(problem?.hint).toContain('"seed"');
  });

  it('reports deadlines of zero or fewer hours, on states and in setDeadline', () => {
    const p = goodProtocol();
    p.machine.states.consent!.meta.deadline = { hours: 0 };
    p.machine.states.travel!.entry = [
      { type: 'setDeadline', params: { name: 'escort', hours: -2, title: { es: 'e', en: 'e' } } },
    ];
    const problems = verifyProtocol(p).filter((x) => x.code === 'deadline-not-positive');
    expect(problems.map((x) => x.location.pointer)).toEqual([
      '/machine/states/consent/meta/deadline/hours',
      '/machine/states/travel/entry/0/params/hours',
    ]);
  });

  it('reports a timed transition on a final state', () => {
    const p = goodProtocol();
    p.machine.states.closure!.after = { noAnswer: { target: 'screening' } };
    const problem = verifyProtocol(p).find((x) => x.code === 'delay-on-final-state');
    expect(problem?.location).toEqual({ pointer: '/machine/states/closure/after', state: 'closure' });
  });

  it('reports events on a final state that closes the case', () => {
    const p = goodProtocol();
    p.machine.states.closure!.on = { SCREENED: { target: 'screening' } };
    expect(verifyProtocol(p).find((x) => x.code === 'event-on-final-state')?.location).toEqual({
      pointer: '/machine/states/closure/on',
      state: 'closure',
    });
  });

  it('reports onDone on a state that has no inner steps', () => {
    const p = goodProtocol();
    p.machine.states.travel!.onDone = { target: 'closure' };
    expect(verifyProtocol(p).find((x) => x.code === 'done-never-taken')?.location).toEqual({
      pointer: '/machine/states/travel/onDone',
      state: 'travel',
    });
  });
});
