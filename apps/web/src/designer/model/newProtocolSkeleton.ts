import type {
  FieldSchema,
  FormDefinition,
  Jurisdiction,
  LegalRef,
  Population,
  ProtocolFile,
  Role,
  StateConfig,
  Text,
} from '@ruta/protocol';
import { schemaForKind } from './fieldKinds.js';
import type { FieldKind, UiNode } from './fieldKinds.js';

/** What a designer says about a protocol that does not exist yet. */
export interface NewProtocol {
  id: string;
  title: Text;
  population: Population;
  jurisdiction: Jurisdiction;
}

/** The state every new protocol starts in, and the one it ends in. */
export const INTAKE_STATE = 'intake';
export const CLOSED_STATE = 'closed';

/** The id of a new protocol's first form. */
export const intakeFormId = (protocolId: string) => `${protocolId}-intake`;

/**
 * Directive 41 of seed 002 asks for standardised attention and referral protocols: the clause
 * every protocol implements, cited until the designer names the clauses of each step.
 */
const STANDARD_PROTOCOLS: LegalRef = { seed: '002', clause: '41' };
const ACTORS: Role[] = ['caseworker', 'supervisor'];

/**
 * Version 1 of a protocol started from scratch, and its own first form: an intake step whose form
 * records when the case arrived, who referred it and a summary, leading to a final "closed" step.
 * It verifies: each step cites a seed clause and names who acts, and a protocol for children or
 * adults lets the person withdraw consent at any step (the regional invariant
 * consent-withdrawable-before-travel), closing an adult's case and recording a child's
 * objection while protection continues. The designer builds the real steps between the two.
 *
 * @example
 *   const { file, forms } = newProtocolSkeleton({
 *     id: 'trata-laboral', title: { es: 'Trata laboral', en: 'Labour trafficking' },
 *     population: 'adult', jurisdiction: 'GT',
 *   });
 *   await designerApi.createDraft(file, forms);
 */
export function newProtocolSkeleton(spec: NewProtocol): {
  file: ProtocolFile;
  forms: Record<string, FormDefinition>;
} {
  const form = intakeForm(intakeFormId(spec.id));
  const intake: StateConfig = {
    meta: {
      title: { es: 'Recepción del caso', en: 'Case intake' },
      form: form.id,
      roles: ACTORS,
      legal: [STANDARD_PROTOCOLS],
    },
    on: { INTAKE_RECORDED: { target: CLOSED_STATE, actions: [{ type: 'recordForm' }] } },
  };
  const closed: StateConfig = {
    type: 'final',
    tags: ['closure'],
    meta: { title: { es: 'Caso cerrado', en: 'Case closed' }, legal: [STANDARD_PROTOCOLS] },
  };
  const withdrawal = spec.population !== 'any';
  const file: ProtocolFile = {
    kind: 'protocol',
    id: spec.id,
    version: 1,
    jurisdiction: spec.jurisdiction,
    title: spec.title,
    population: spec.population,
    events: {
      INTAKE_RECORDED: { title: { es: 'Registrar la recepción', en: 'Record the intake' } },
      ...(withdrawal ? { WITHDRAW_CONSENT: withdrawConsent(spec.population) } : {}),
    },
    guards: {},
    machine: {
      id: spec.id,
      initial: INTAKE_STATE,
      states: { [INTAKE_STATE]: intake, [CLOSED_STATE]: closed },
      ...(withdrawal
        ? {
            on: {
              WITHDRAW_CONSENT: {
                // An adult may leave at any time; a child's protection continues (DOMAIN.md).
                ...(spec.population === 'adult' ? { target: `#${spec.id}.${CLOSED_STATE}` } : {}),
                roles: ACTORS,
              },
            },
          }
        : {}),
    },
  };
  return { file, forms: { [form.id]: form } };
}

function withdrawConsent(population: Population) {
  return {
    title: { es: 'La persona retira su consentimiento', en: 'The person withdraws consent' },
    description:
      population === 'adult'
        ? {
            es: 'Una persona adulta puede dejar la asistencia en cualquier momento y el caso se cierra.',
            en: 'An adult may leave assistance at any time and the case closes.',
          }
        : {
            es: 'Se registra la oposición de la niña, niño o adolescente; su protección continúa.',
            en: 'The child’s objection is recorded; their protection continues.',
          },
  };
}

function intakeForm(id: string): FormDefinition {
  const fields: [string, FieldKind, Text][] = [
    ['receivedOn', 'date', { es: 'Fecha de recepción', en: 'Date received' }],
    ['referredBy', 'shortText', { es: 'Institución o persona que refiere', en: 'Referred by' }],
    ['summary', 'longText', { es: 'Resumen de la situación', en: 'Summary of the situation' }],
  ];
  const properties: Record<string, FieldSchema> = {};
  const uiSchema: UiNode = { 'ui:order': [...fields.map(([key]) => key), '*'] };
  for (const [key, kind, label] of fields) {
    const { schema, ui } = schemaForKind(kind, label);
    properties[key] = schema;
    if (Object.keys(ui).length > 0) uiSchema[key] = ui;
  }
  return {
    kind: 'form',
    id,
    version: 1,
    title: { es: 'Recepción del caso', en: 'Case intake' },
    schema: { type: 'object', properties, required: ['receivedOn', 'summary'] },
    uiSchema,
    examples: [
      {
        receivedOn: '2026-03-02',
        referredBy: 'Fiscalía contra la trata',
        summary: 'Referida por la fiscalía; necesita atención inmediata.',
      },
    ],
  };
}
