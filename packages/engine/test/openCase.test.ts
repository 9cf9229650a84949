import { describe, expect, it } from 'vitest';
import { compileProtocol, hashEvent, openCase, OpenCaseError } from '../src/index.js';
import { caseworker, childProtocol, foreigner, regional, testDeps } from './fixtures.js';

const compiled = compileProtocol(childProtocol());

describe('openCase', () => {
  it('opens in the initial state with the first event of the chain', () => {
    const deps = testDeps();
    const { case: c, event } = openCase(compiled, { id: 'c1', country: 'GT', actor: caseworker }, deps);
    expect(event).toMatchObject({
      caseId: 'c1',
      seq: 0,
      kind: 'opened',
      type: 'case.opened',
      prev: '',
      from: null,
      to: 'screening',
      country: 'GT',
    });
    expect(event.at).toBe('2025-03-01T08:01:00.000Z');
    expect(event.id).toBe('e1');
    expect(event.hash).toBe(hashEvent(event));
    expect(c).toMatchObject({
      id: 'c1',
      country: 'GT',
      value: 'screening',
      status: 'active',
      seq: 0,
      head: event.hash,
      data: {},
    });
    expect(c.protocol).toEqual({ id: 'test-child', version: 1, jurisdiction: 'REGIONAL' });
    expect(c.deadlines).toEqual([
      {
        name: 'state:screening',
        title: { es: 'Screening', en: 'Screening' },
        setAt: '2025-03-01T08:01:00.000Z',
        dueAt: '2025-03-02T08:01:00.000Z',
      },
    ]);
  });

  it('lets a regional actor open a case for a country, not an actor of another country', () => {
    expect(openCase(compiled, { id: 'c2', country: 'GT', actor: regional }, testDeps()).case.country).toBe(
      'GT',
    );
    expect(() => openCase(compiled, { id: 'c3', country: 'GT', actor: foreigner }, testDeps())).toThrow(
      OpenCaseError,
    );
  });

  it('says what is wrong with every bad input at once', () => {
    let error: OpenCaseError | undefined;
    try {
      openCase(
        compiled,
        {
          id: '',
          country: 'XX' as 'GT',
          actor: { userId: 'u', role: 'chief' as 'caseworker', country: 'GT' },
        },
        { clock: () => 'yesterday', ids: () => 'e' },
      );
    } catch (e) {
      error = e as OpenCaseError;
    }
    expect(error).toBeInstanceOf(OpenCaseError);
    const messages = error!.reasons.map((r) => r.message).join('\n');
    expect(messages).toContain('not an ISO 8601 instant');
    expect(messages).toContain('case id');
    expect(messages).toContain('country');
    expect(messages).toContain('actor.role');
  });
});
