// Small inline protocol files for the format library's tests: a regional protocol for children,
// its forms, the shared invariants, and helpers to build a registry from them.
import {
  loadRegistry,
  type FormDefinition,
  type InvariantsFile,
  type ProtocolFile,
  type Registry,
  type StateMeta,
  type VariantFile,
} from '../src/index.js';

export const t = (es: string, en: string = es) => ({ es, en });
export const meta = (title: string, extra: Partial<StateMeta> = {}): StateMeta => ({
  title: t(title),
  legal: [{ seed: '004', clause: 'B.1' }],
  ...extra,
});

export function screeningForm(): FormDefinition {
  return {
    kind: 'form',
    id: 'screening',
    version: 1,
    title: t('Detección', 'Screening'),
    schema: {
      type: 'object',
      required: ['isMinor', 'victim'],
      properties: {
        isMinor: { type: 'boolean', 'x-label': t('Es menor', 'Is a minor'), 'x-shareable': true },
        victim: {
          type: 'object',
          'x-label': t('Víctima', 'Victim'),
          required: ['name'],
          properties: {
            name: {
              type: 'string',
              'x-label': t('Nombre', 'Name'),
              'x-sensitive': true,
              'x-shareable': true,
            },
            age: {
              type: 'integer',
              minimum: 0,
              maximum: 120,
              'x-label': t('Edad', 'Age'),
              'x-shareable': true,
            },
            nationality: {
              type: 'string',
              enum: ['GT', 'HN', 'SV'],
              'x-enumLabels': [t('Guatemala'), t('Honduras'), t('El Salvador')],
              'x-label': t('Nacionalidad', 'Nationality'),
              'x-shareable': true,
            },
            health: { type: 'string', 'x-label': t('Salud', 'Health'), 'x-sensitive': true },
          },
        },
        notes: {
          type: 'string',
          'x-label': t('Notas', 'Notes'),
          'x-help': t('Lo observado', 'What was observed'),
        },
      },
    },
    uiSchema: { 'ui:order': ['isMinor', 'victim', 'notes'], notes: { 'ui:widget': 'textarea' } },
    examples: [{ isMinor: true, victim: { name: 'Ana', age: 14, nationality: 'HN' } }],
  };
}

export function decisionForm(): FormDefinition {
  return {
    kind: 'form',
    id: 'decision',
    version: 1,
    title: t('Decisión', 'Decision'),
    schema: {
      type: 'object',
      required: ['decision'],
      properties: {
        decision: {
          type: 'string',
          enum: ['return', 'stay'],
          'x-enumLabels': [t('Retorno', 'Return'), t('Permanencia', 'Stay')],
          'x-label': t('Decisión', 'Decision'),
          'x-shareable': true,
        },
      },
      if: { properties: { decision: { const: 'stay' } } },
      then: {
        required: ['reason'],
        properties: { reason: { type: 'string', 'x-label': t('Motivo', 'Reason') } },
      },
    },
  };
}

export function childProtocol(): ProtocolFile {
  return {
    kind: 'protocol',
    id: 'child-repatriation',
    version: 1,
    jurisdiction: 'REGIONAL',
    title: t('Repatriación de niñas, niños y adolescentes', 'Repatriation of children'),
    population: 'child',
    invariants: ['notify-origin'],
    ownInvariants: [
      {
        id: 'decide-before-return',
        kind: 'mustPassBefore',
        target: { tag: 'return' },
        requires: [{ tag: 'decision' }],
        description: t('Se decide antes del retorno', 'Decide before return'),
      },
    ],
    events: {
      SUBMIT: { title: t('Enviar', 'Submit') },
      DECIDE: { title: t('Decidir', 'Decide') },
      NEXT: { title: t('Siguiente', 'Next') },
    },
    guards: {
      isReturn: {
        logic: { '==': [{ var: 'form.decision' }, 'return'] },
        description: t('Se decidió el retorno', 'Return was decided'),
      },
    },
    delays: { escalate: { hours: 24 } },
    machine: {
      id: 'child-repatriation',
      initial: 'screening',
      states: {
        screening: {
          meta: meta('Detección', { form: 'screening', roles: ['caseworker'] }),
          on: { SUBMIT: { target: 'protection', actions: [{ type: 'recordForm' }] } },
        },
        protection: {
          initial: 'shelter',
          meta: meta('Protección'),
          states: {
            shelter: {
              meta: meta('Albergue', { deadline: { hours: 24 } }),
              on: { NEXT: { target: 'consular' } },
            },
            consular: {
              meta: meta('Notificación consular', { institution: t('Cancillería', 'Foreign ministry') }),
              on: { NEXT: { target: 'done' } },
              after: { escalate: { target: 'done' } },
            },
            done: { type: 'final', meta: meta('Protegido') },
          },
          onDone: { target: 'decision' },
        },
        decision: {
          tags: ['decision'],
          meta: meta('Decisión', { form: 'decision' }),
          on: {
            DECIDE: [
              { target: 'returned', guard: 'isReturn', actions: [{ type: 'recordForm' }] },
              { target: 'stayed', actions: [{ type: 'recordForm' }] },
            ],
          },
        },
        returned: { type: 'final', tags: ['return'], meta: meta('Retornado') },
        stayed: { type: 'final', meta: meta('Permanece') },
      },
    },
  };
}

export function sharedInvariants(): InvariantsFile {
  return {
    kind: 'invariants',
    invariants: [
      {
        id: 'best-interest-before-return',
        kind: 'mustPassBefore',
        target: { tag: 'return' },
        requires: [{ tag: 'decision' }],
        description: t('Interés superior antes del retorno', 'Best interest before return'),
        appliesTo: ['child'],
      },
      {
        id: 'consent-until-travel',
        kind: 'availableUntil',
        event: 'WITHDRAW',
        until: { tag: 'travel' },
        description: t('Consentimiento revocable', 'Consent can be withdrawn'),
        appliesTo: ['adult'],
      },
      {
        id: 'notify-origin',
        kind: 'mustPassBefore',
        target: { tag: 'closure' },
        requires: [{ tag: 'notified' }],
        description: t('Notificar al país de origen', 'Notify the country of origin'),
        appliesTo: ['adult'],
      },
    ],
  };
}

export function variant(changes: VariantFile['changes'], extra: Partial<VariantFile> = {}): VariantFile {
  return {
    kind: 'variant',
    id: 'child-repatriation-gt',
    version: 1,
    jurisdiction: 'GT',
    base: 'child-repatriation@1',
    title: t('Repatriación (Guatemala)', 'Repatriation (Guatemala)'),
    changes,
    ...extra,
  };
}

/** A registry of the base files plus any others, each file at a path named after it. */
export function registryWith(
  ...extra: (ProtocolFile | VariantFile | FormDefinition | InvariantsFile)[]
): Registry {
  const files = [screeningForm(), decisionForm(), childProtocol(), sharedInvariants(), ...extra];
  return loadRegistry(files.map((f) => ({ path: pathOf(f), text: JSON.stringify(f, null, 2) })));
}

export function pathOf(f: ProtocolFile | VariantFile | FormDefinition | InvariantsFile): string {
  if (f.kind === 'invariants') return 'workflows/invariants.json';
  if (f.kind === 'form') return `forms/${f.id}.json`;
  return `workflows/${f.id}.v${f.version}.json`;
}
