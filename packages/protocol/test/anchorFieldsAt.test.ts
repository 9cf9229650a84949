// What the designer offers a deadline, a delay or a setDeadline action to count from: the
// date-time fields of the forms recorded on every way to the point where it starts, by where its
// "from" is written; exactly what the verifier then accepts.
import { describe, expect, it } from 'vitest';
import { anchorFieldsAt, anchorFieldsBefore, verifyProtocol, type ResolvedProtocol } from '../src/index.js';
import { goodProtocol, t } from './verifyFixture.js';

/** The fixture with a consent form that records when consent was given (date-time). */
function dated(): ResolvedProtocol {
  const p = goodProtocol();
  p.forms.consent!.schema.properties!.givenAt = {
    type: 'string',
    format: 'date-time',
    'x-past': true,
    'x-label': t('Given at'),
  };
  return p;
}

const escort = (from?: string) => ({
  type: 'setDeadline' as const,
  params: { name: 'escort', hours: 48, title: t('Escort'), ...(from ? { from: { field: from } } : {}) },
});

const anchorProblems = (p: ResolvedProtocol) =>
  verifyProtocol(p).filter((x) => x.code.startsWith('deadline-anchor'));

describe('what a deadline may count from, by where it is written', () => {
  it("offers a state's deadline what anchorFieldsBefore offers its state", () => {
    const p = dated();
    p.machine.states.travel!.meta.deadline = { hours: 24 };
    const at = anchorFieldsAt(p, '/machine/states/travel/meta/deadline/from');
    expect(at).toEqual(['consent.givenAt']);
    expect(at).toEqual(anchorFieldsBefore(p, 'travel'));
    expect(anchorFieldsAt(p, '/machine/states/consent/meta/deadline/from')).toEqual([]);
  });

  it('offers a delay what is recorded on every way to every step that waits for it', () => {
    const p = dated();
    // Waited for at consent, before consent is recorded: nothing to count from.
    expect(anchorFieldsAt(p, '/delays/noAnswer/from')).toEqual([]);
    // Waited for only after consent: its time.
    delete p.machine.states.consent!.after;
    p.machine.states.assessment!.after = { noAnswer: { target: 'closure' } };
    expect(anchorFieldsAt(p, '/delays/noAnswer/from')).toEqual(['consent.givenAt']);
    p.delays!.noAnswer!.from = { field: 'consent.givenAt' };
    expect(anchorProblems(p)).toEqual([]);
    // Waited for at both: only what both have recorded.
    p.machine.states.consent!.after = { noAnswer: { target: 'closure' } };
    expect(anchorFieldsAt(p, '/delays/noAnswer/from')).toEqual([]);
    expect(anchorProblems(p).map((x) => x.code)).toEqual(['deadline-anchor-not-recorded']);
  });

  it("offers a setDeadline what is recorded before it, its own transition's recordForm included", () => {
    const p = dated();
    const on = p.machine.states.consent!.on!;
    on.CONSENT_GIVEN = { target: 'assessment', actions: [escort(), { type: 'recordForm' }] };
    const pointer = '/machine/states/consent/on/CONSENT_GIVEN/actions';
    expect(anchorFieldsAt(p, `${pointer}/0/params/from`)).toEqual([]);
    on.CONSENT_GIVEN = { target: 'assessment', actions: [{ type: 'recordForm' }, escort('consent.givenAt')] };
    expect(anchorFieldsAt(p, `${pointer}/1/params/from`)).toEqual(['consent.givenAt']);
    expect(anchorProblems(p)).toEqual([]);
    // Leaving consent runs before the transition records it.
    p.machine.states.consent!.exit = [escort()];
    expect(anchorFieldsAt(p, '/machine/states/consent/exit/0/params/from')).toEqual([]);
    p.machine.states.travel!.entry = [escort()];
    expect(anchorFieldsAt(p, '/machine/states/travel/entry/0/params/from')).toEqual(['consent.givenAt']);
  });

  it('offers every date-time field where the pointer names no deadline', () => {
    expect(anchorFieldsAt(dated(), '/machine/states/travel/meta/deadline/from')).toEqual(['consent.givenAt']);
    expect(anchorFieldsAt(dated(), '')).toEqual(['consent.givenAt']);
  });
});
