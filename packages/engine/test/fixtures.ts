/**
 * Small inline protocols and deterministic deps shared by the engine tests. Not a test file.
 */
import type { FormDefinition, ResolvedProtocol, StateMeta, Text } from '@ruta/protocol';
import type { Actor, EngineDeps } from '../src/index.js';

export const t = (en: string): Text => ({ es: en, en });
export const meta = (title: string, extra: Partial<StateMeta> = {}): StateMeta => ({
  title: t(title),
  legal: [{ seed: '004', clause: 'B.1' }],
  ...extra,
});

export const caseworker: Actor = { userId: 'u-cw', role: 'caseworker', country: 'GT' };
export const supervisor: Actor = { userId: 'u-sup', role: 'supervisor', country: 'GT' };
export const regional: Actor = { userId: 'u-reg', role: 'supervisor', country: 'REGIONAL' };
export const foreigner: Actor = { userId: 'u-hn', role: 'caseworker', country: 'HN' };

/** A clock that moves one minute per call (or as told) and ids e1, e2, ... */
export function testDeps(
  start = '2025-03-01T08:00:00.000Z',
): EngineDeps & { advance(ms: number): void; now(): string } {
  let ms = Date.parse(start);
  let n = 0;
  return {
    clock: () => new Date((ms += 60_000)).toISOString(),
    ids: () => `e${++n}`,
    advance(by: number) {
      ms += by;
    },
    now: () => new Date(ms).toISOString(),
  };
}

export const screeningForm: FormDefinition = {
  kind: 'form',
  id: 'screening',
  version: 1,
  title: t('Screening'),
  schema: {
    type: 'object',
    required: ['age', 'indicators', 'origin'],
    properties: {
      age: { type: 'integer', minimum: 0, maximum: 120 },
      indicators: { type: 'boolean' },
      origin: { type: 'string', enum: ['GT', 'HN', 'SV', 'MX'] },
      sex: { type: 'string', enum: ['f', 'm', 'x'] },
      notes: { type: 'string', maxLength: 500 },
    },
  },
};

export const decisionForm: FormDefinition = {
  kind: 'form',
  id: 'decision',
  version: 1,
  title: t('Decision'),
  schema: {
    type: 'object',
    required: ['risk', 'decision'],
    properties: {
      risk: { type: 'string', enum: ['low', 'high'] },
      decision: { type: 'string', enum: ['return', 'stay'] },
      reason: { type: 'string', maxLength: 200 },
    },
  },
};

export const validScreening = { age: 15, indicators: true, origin: 'HN', sex: 'f' };
export const validDecision = { risk: 'low', decision: 'return' };

/**
 * screening -> protection (parallel: shelter | health, onDone) -> decision -> followUp -> closed.
 * WITHDRAW at the root (supervisors), a 24 h deadline on screening, a 72 h follow-up timer.
 */
export function childProtocol(): ResolvedProtocol {
  return {
    kind: 'protocol',
    id: 'test-child',
    version: 1,
    jurisdiction: 'REGIONAL',
    title: t('Test child protocol'),
    population: 'child',
    events: {
      SCREEN: { title: t('Screen') },
      SHELTER_DONE: { title: t('Shelter done') },
      HEALTH_DONE: { title: t('Health done') },
      DECIDE: { title: t('Decide') },
      CLOSE: { title: t('Close') },
      WITHDRAW: { title: t('Withdraw') },
    },
    guards: {
      isVictim: {
        logic: { '==': [{ var: 'form.indicators' }, true] },
        description: t('the screening found indicators of trafficking'),
      },
      riskLow: { logic: { '==': [{ var: 'form.risk' }, 'low'] }, description: t('the return risk is low') },
      isMinor: {
        logic: { '<': [{ var: 'case.screening.age' }, 18] },
        description: t('the victim is a minor'),
      },
    },
    delays: { followUp: { hours: 72 } },
    profile: {
      originCountry: { var: 'case.screening.origin' },
      sex: { var: 'case.screening.sex' },
      ageGroup: { if: [{ '<': [{ var: 'case.screening.age' }, 18] }, 'child', 'adult'] },
    },
    forms: structuredClone({ screening: screeningForm, decision: decisionForm }),
    invariantsInForce: [],
    machine: {
      id: 'test-child',
      initial: 'screening',
      on: { WITHDRAW: { target: '#test-child.closed', roles: ['supervisor'] } },
      states: {
        screening: {
          meta: meta('Screening', { form: 'screening', roles: ['caseworker'], deadline: { hours: 24 } }),
          on: {
            SCREEN: [
              {
                target: 'protection',
                guard: 'isVictim',
                actions: [
                  { type: 'recordForm' },
                  { type: 'notifyFocalPoint', params: { country: 'origin', reason: t('24-hour alert') } },
                ],
              },
              { target: 'closed', actions: [{ type: 'recordForm' }] },
            ],
          },
        },
        protection: {
          type: 'parallel',
          meta: meta('Protection'),
          states: {
            shelter: {
              initial: 'placing',
              meta: meta('Shelter'),
              states: {
                placing: {
                  meta: meta('Placing', { roles: ['caseworker'], deadline: { hours: 12 } }),
                  on: { SHELTER_DONE: { target: 'placed' } },
                },
                placed: { type: 'final', meta: meta('Placed') },
              },
            },
            health: {
              initial: 'checkup',
              meta: meta('Health'),
              states: {
                checkup: {
                  meta: meta('Checkup', { roles: ['caseworker'] }),
                  on: { HEALTH_DONE: { target: 'done' } },
                },
                done: { type: 'final', meta: meta('Done') },
              },
            },
          },
          onDone: { target: 'decision' },
        },
        decision: {
          meta: meta('Decision', { form: 'decision', roles: ['supervisor'] }),
          on: {
            DECIDE: [
              {
                target: 'followUp',
                guard: 'riskLow',
                actions: [
                  { type: 'recordForm' },
                  { type: 'setDeadline', params: { name: 'report', hours: 48, title: t('Report') } },
                ],
              },
              { target: 'protection', guard: 'isMinor', actions: [{ type: 'recordForm' }] },
            ],
          },
        },
        followUp: {
          meta: meta('Follow-up', { roles: ['caseworker'] }),
          after: { followUp: { target: 'closed' } },
          on: {
            CLOSE: { target: 'closed', actions: [{ type: 'clearDeadline', params: { name: 'report' } }] },
          },
        },
        closed: { type: 'final', meta: meta('Closed') },
      },
    },
  };
}

/** Deep copy through JSON: what a case looks like after a round trip through the database. */
export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Freezes a value and everything in it, so that any attempt to change it throws. */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    for (const key of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[key]);
    Object.freeze(v);
  }
  return v;
}
