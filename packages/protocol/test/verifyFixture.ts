import type { FormDefinition, ResolvedProtocol, StateConfig } from '../src/index.js';

/** Test data for the verifier: a small, correct voluntary-return protocol, fresh on every call. */
export const t = (en: string) => ({ es: `${en} (es)`, en });
export const legal = [{ seed: '000' as const, clause: '12' }];
export const meta = (title: string, extra: Partial<StateConfig['meta']> = {}): StateConfig['meta'] => ({
  title: t(title),
  legal,
  ...extra,
});

export function consentForm(): FormDefinition {
  return {
    kind: 'form',
    id: 'consent',
    version: 1,
    title: t('Informed consent'),
    schema: {
      type: 'object',
      required: ['given', 'language'],
      properties: {
        given: { type: 'boolean', 'x-label': t('Consent given') },
        language: {
          type: 'string',
          enum: ['es', 'en'],
          'x-label': t('Language'),
          'x-enumLabels': [t('Spanish'), t('English')],
        },
      },
    },
    examples: [{ given: true, language: 'es' }],
  };
}

export function riskForm(): FormDefinition {
  return {
    kind: 'form',
    id: 'risk',
    version: 1,
    title: t('Risk assessment'),
    schema: {
      type: 'object',
      required: ['level'],
      properties: {
        level: {
          type: 'string',
          enum: ['low', 'high'],
          'x-label': t('Risk level'),
          'x-enumLabels': [t('Low'), t('High')],
        },
      },
    },
  };
}

export function goodProtocol(): ResolvedProtocol {
  return {
    kind: 'protocol',
    id: 'mini',
    version: 1,
    jurisdiction: 'REGIONAL',
    title: t('Mini voluntary return'),
    population: 'adult',
    events: {
      SCREENED: { title: t('Screening done') },
      CONSENT_GIVEN: { title: t('Consent recorded') },
      ASSESSED: { title: t('Risk assessed') },
      ARRIVED: { title: t('Arrived') },
      WITHDRAW: { title: t('Consent withdrawn') },
    },
    guards: {
      lowRisk: {
        logic: { '==': [{ var: 'form.level' }, 'low'] },
        description: t('The risk of return is low'),
      },
    },
    delays: { noAnswer: { hours: 48 } },
    forms: { consent: consentForm(), risk: riskForm() },
    invariantsInForce: [
      {
        id: 'consent-and-risk-before-travel',
        kind: 'mustPassBefore',
        target: { tag: 'travel' },
        requires: [{ tag: 'consent' }, { tag: 'risk-assessment' }],
        description: t('Nobody travels without consent and a risk assessment.'),
      },
      {
        id: 'withdrawal-until-travel',
        kind: 'availableUntil',
        event: 'WITHDRAW',
        until: { tag: 'travel' },
        description: t('Consent can be withdrawn until travel.'),
      },
    ],
    machine: {
      id: 'mini',
      initial: 'screening',
      on: { WITHDRAW: { target: '#mini.closure' } },
      states: {
        screening: {
          meta: meta('Screening', { roles: ['caseworker'] }),
          on: { SCREENED: { target: 'consent' } },
        },
        consent: {
          tags: ['consent'],
          meta: meta('Consent', { form: 'consent', deadline: { hours: 24 } }),
          on: { CONSENT_GIVEN: { target: 'assessment', actions: [{ type: 'recordForm' }] } },
          after: { noAnswer: { target: 'closure' } },
        },
        assessment: {
          tags: ['risk-assessment'],
          meta: meta('Risk assessment', { form: 'risk' }),
          on: {
            ASSESSED: [
              { target: 'travel', guard: 'lowRisk', actions: [{ type: 'recordForm' }] },
              { target: 'closure', actions: [{ type: 'recordForm' }] },
            ],
          },
        },
        travel: { tags: ['travel'], meta: meta('Travel'), on: { ARRIVED: { target: 'closure' } } },
        closure: { type: 'final', tags: ['closure'], meta: meta('Closure') },
      },
    },
  };
}

/** Codes of a problem list, for compact assertions. */
export const codes = (problems: { code: string }[]) => problems.map((p) => p.code);
