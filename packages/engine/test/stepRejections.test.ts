import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProtocol, step, type Actor, type Command, type Rejection } from '../src/index.js';
import { drive } from './drive.js';
import {
  caseworker,
  childProtocol,
  deepFreeze,
  foreigner,
  supervisor,
  testDeps,
  validDecision,
  validScreening,
} from './fixtures.js';

const compiled = compileProtocol(childProtocol());
const codes = (rs: Rejection[]) => rs.map((r) => r.code);

describe('step rejections', () => {
  it('lists the events available when the event is not', () => {
    const d = drive(compiled, testDeps());
    const [r] = d.no('DECIDE', validDecision);
    expect(r).toMatchObject({
      code: 'event-not-available',
      event: 'DECIDE',
      available: ['SCREEN', 'WITHDRAW'],
    });
    expect(r!.message).toContain('available: SCREEN, WITHDRAW');
  });

  it('refuses a role the state or the transition does not allow, naming the roles that may', () => {
    const d = drive(compiled, testDeps());
    expect(d.no('SCREEN', validScreening, supervisor)).toEqual([
      expect.objectContaining({ code: 'role-not-allowed', role: 'supervisor', allowed: ['caseworker'] }),
    ]);
    // WITHDRAW is declared on the machine root for supervisors only.
    expect(d.no('WITHDRAW', undefined, caseworker)).toEqual([
      expect.objectContaining({ code: 'role-not-allowed', role: 'caseworker', allowed: ['supervisor'] }),
    ]);
  });

  it('refuses data sent with a step that records no form, which would be kept unvalidated', () => {
    const d = drive(compiled, testDeps());
    d.ok('SCREEN', validScreening);
    const before = d.case;
    expect(d.no('HEALTH_DONE', { name: 'not asked for' })).toEqual([
      expect.objectContaining({
        code: 'bad-input',
        path: '/data',
        message: '"HEALTH_DONE" records no form here: send it without data',
      }),
    ]);
    expect(d.case).toBe(before);
    d.ok('HEALTH_DONE');
  });

  it('refuses an actor of another country', () => {
    const d = drive(compiled, testDeps());
    expect(d.no('SCREEN', validScreening, foreigner)).toEqual([
      expect.objectContaining({ code: 'country-not-allowed', country: 'HN', caseCountry: 'GT' }),
    ]);
  });

  it('reports every invalid field of the form with its path', () => {
    const d = drive(compiled, testDeps());
    const reasons = d.no('SCREEN', { age: -1, indicators: 'yes', extra: 1 });
    expect(reasons.every((r) => r.code === 'form-invalid')).toBe(true);
    const paths = reasons.map((r) => (r.code === 'form-invalid' ? `${r.form}${r.path}` : '')).sort();
    expect(paths).toEqual(
      expect.arrayContaining([
        'screening/age',
        'screening/indicators',
        'screening/origin',
        'screening/extra',
      ]),
    );
  });

  it('asks for the form when a step that records one gets no data', () => {
    const d = drive(compiled, testDeps());
    expect(d.no('SCREEN')).toEqual([
      expect.objectContaining({ code: 'form-invalid', form: 'screening', keyword: 'required' }),
    ]);
  });

  it('refuses any step on a closed case', () => {
    const d = drive(compiled, testDeps());
    d.ok('WITHDRAW', undefined, supervisor);
    expect(d.case.status).toBe('closed');
    expect(codes(d.no('SCREEN', validScreening))).toContain('case-closed');
  });

  it('gives every reason at once', () => {
    const d = drive(compiled, testDeps());
    d.ok('WITHDRAW', undefined, supervisor);
    const outsider: Actor = { userId: 'x', role: 'auditor', country: 'MX' };
    const reasons = d.no('SCREEN', { age: 'old' }, outsider);
    expect(new Set(codes(reasons))).toEqual(
      new Set(['case-closed', 'country-not-allowed', 'event-not-available']),
    );
    const d2 = drive(compiled, testDeps());
    const reasons2 = d2.no('SCREEN', { age: 'old' }, outsider);
    expect(new Set(codes(reasons2))).toEqual(
      new Set(['country-not-allowed', 'role-not-allowed', 'form-invalid']),
    );
  });

  it('refuses a command that is not one, or a case of another protocol version', () => {
    const deps = testDeps();
    const d = drive(compiled, deps);
    const r0 = step(compiled, d.case, null as unknown as Command, deps);
    expect(r0.ok ? [] : codes(r0.reasons)).toEqual(['bad-input']);
    const other = { ...d.case, protocol: { ...d.case.protocol, version: 2 } };
    const r = step(compiled, other, { event: 'SCREEN', data: validScreening, actor: caseworker }, deps);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reasons[0]!.message).toContain('compile the version the case runs under');
  });

  it('never changes the case or the command, whatever the command (property)', () => {
    const actors: Actor[] = [
      caseworker,
      supervisor,
      foreigner,
      { userId: 'a', role: 'auditor', country: 'REGIONAL' },
      { userId: 's', role: 'system', country: 'GT' },
    ];
    const events = [
      'SCREEN',
      'SHELTER_DONE',
      'HEALTH_DONE',
      'DECIDE',
      'CLOSE',
      'WITHDRAW',
      'NOPE',
      'xstate.after.followUp.test-child.followUp',
    ];
    const data = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom<unknown>(
        validScreening,
        validDecision,
        { ...validScreening, indicators: false },
        { risk: 'high', decision: 'stay' },
        [],
        null,
        'text',
      ),
      fc.dictionary(
        fc.constantFrom(
          'age',
          'indicators',
          'origin',
          'risk',
          'decision',
          'notes',
          '__proto__',
          'constructor',
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
    );
    const command = fc.record({ event: fc.constantFrom(...events), data, actor: fc.constantFrom(...actors) });
    fc.assert(
      fc.property(fc.array(command, { maxLength: 12 }), (commands) => {
        const deps = testDeps();
        const d = drive(compiled, deps);
        for (const cmd of commands) {
          const before = structuredClone(d.case);
          const cmdBefore = structuredClone(cmd);
          const frozenCase = deepFreeze(structuredClone(d.case));
          const frozenCmd = deepFreeze(structuredClone(cmd) as Command);
          const r = step(compiled, frozenCase, frozenCmd, deps);
          expect(d.case).toEqual(before);
          expect(frozenCase).toEqual(before);
          expect(cmd).toEqual(cmdBefore);
          if (r.ok) {
            d.case = r.case;
          } else {
            expect(r.reasons.length).toBeGreaterThan(0);
            for (const reason of r.reasons) expect(reason.message.length).toBeGreaterThan(10);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('answers odd inputs with reasons, never by throwing (property)', () => {
    const odd = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
    });
    const caseKeys = [
      'id',
      'protocol',
      'country',
      'value',
      'status',
      'data',
      'profile',
      'deadlines',
      'timers',
      'seq',
      'head',
    ];
    fc.assert(
      fc.property(
        fc.option(fc.tuple(fc.constantFrom(...caseKeys), odd), { nil: undefined }),
        fc.record({
          event: fc.oneof(fc.constant('SCREEN'), odd),
          data: odd,
          actor: fc.oneof(fc.constant(caseworker), odd),
        }),
        (caseChange, command) => {
          const deps = testDeps();
          const d = drive(compiled, deps);
          const c = caseChange ? { ...d.case, [caseChange[0]]: caseChange[1] } : d.case;
          const r = step(compiled, c, command as Command, deps);
          if (!r.ok) for (const reason of r.reasons) expect(typeof reason.message).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });
});
