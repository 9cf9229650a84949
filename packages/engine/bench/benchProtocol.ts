/**
 * A realistic protocol for the benchmark, shaped like the regional repatriation of child victims:
 * 40 states (nested compound states and three parallel ones), a 15-field form at each step,
 * guards over the form and the case, deadlines, a follow-up timer and effects. Plus the event
 * sequences (with form data) of the main paths through it.
 */
import type {
  FieldSchema,
  FormDefinition,
  ResolvedProtocol,
  StateConfig,
  StateMeta,
  Text,
} from '@ruta/protocol';

const t = (en: string): Text => ({ es: en, en });
const meta = (title: string, extra: Partial<StateMeta> = {}): StateMeta => ({
  title: t(title),
  legal: [{ seed: '004', clause: 'B.1' }],
  ...extra,
});

/** A form of 15 fields: texts, numbers, choices, flags and dates, some required. */
function form(id: string, extra: Record<string, FieldSchema> = {}): FormDefinition {
  const properties: Record<string, FieldSchema> = {
    officer: { type: 'string', maxLength: 120 },
    institution: { type: 'string', maxLength: 120 },
    date: { type: 'string', format: 'date' },
    place: { type: 'string', maxLength: 120 },
    language: { type: 'string', enum: ['es', 'en', 'fr', 'kiche', 'garifuna'] },
    interpreter: { type: 'boolean' },
    attempts: { type: 'integer', minimum: 0, maximum: 20 },
    score: { type: 'number', minimum: 0, maximum: 10 },
    level: { type: 'string', enum: ['low', 'medium', 'high'] },
    consent: { type: 'boolean' },
    notes: { type: 'string', maxLength: 2000 },
    reference: { type: 'string', pattern: '^[A-Z]{2}-[0-9]{4,8}$' },
    contacts: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 80 } },
    ...extra,
  };
  return {
    kind: 'form',
    id,
    version: 1,
    title: t(id),
    schema: { type: 'object', required: ['officer', 'date', 'level', 'consent'], properties },
  };
}

const FORMS: FormDefinition[] = [
  form('screening', {
    age: { type: 'integer', minimum: 0, maximum: 25 },
    indicators: { type: 'boolean' },
    origin: { type: 'string', enum: ['GT', 'HN', 'SV', 'MX', 'NI'] },
  }),
  form('shelter', { shelterName: { type: 'string' }, beds: { type: 'integer' } }),
  form('health', { urgent: { type: 'boolean' }, clinic: { type: 'string' } }),
  form('alert', { channel: { type: 'string', enum: ['email', 'phone'] }, sentTo: { type: 'string' } }),
  form('age', { estimatedAge: { type: 'integer' }, method: { type: 'string' } }),
  form('identity', { documentType: { type: 'string' }, documentNumber: { type: 'string' } }),
  form('nationality', { nationality: { type: 'string' }, consulate: { type: 'string' } }),
  form('tracing', { relativesFound: { type: 'integer' }, region: { type: 'string' } }),
  form('family', { suitable: { type: 'boolean' }, visitor: { type: 'string' } }),
  form('bestInterest', {
    recommendation: { type: 'string', enum: ['return', 'stay', 'third'] },
    panel: { type: 'string' },
  }),
  form('risk', { risk: { type: 'string', enum: ['low', 'high'] }, assessor: { type: 'string' } }),
  form('decision', {
    decision: { type: 'string', enum: ['return', 'stay', 'third'] },
    authority: { type: 'string' },
  }),
  form('liaison', { liaisonName: { type: 'string' }, confirmed: { type: 'boolean' } }),
  form('travel', { flight: { type: 'string' }, escort: { type: 'string' } }),
  form('reception', { receivedBy: { type: 'string' }, condition: { type: 'string' } }),
  form('plan', { goals: { type: 'string' }, school: { type: 'boolean' } }),
  form('followUp', { visitNumber: { type: 'integer' }, wellbeing: { type: 'string' } }),
  form('regularisation', { status: { type: 'string' }, permit: { type: 'boolean' } }),
  form('closure', { reason: { type: 'string' } }),
];

const rec = [{ type: 'recordForm' as const }];
const on = (event: string, target: string, extra: object = {}) => ({
  [event]: { target, actions: rec, ...extra },
});
const step = (
  title: string,
  formId: string,
  next: string,
  event = 'SUBMIT',
  extra: Partial<StateMeta> = {},
): StateConfig => ({
  meta: meta(title, { form: formId, roles: ['caseworker', 'supervisor'], ...extra }),
  on: on(event, next),
});
const fin = (title: string): StateConfig => ({ type: 'final', meta: meta(title) });

export function benchProtocol(): ResolvedProtocol {
  return {
    kind: 'protocol',
    id: 'bench-child-repatriation',
    version: 1,
    jurisdiction: 'REGIONAL',
    title: t('Repatriation of child victims (benchmark)'),
    population: 'child',
    events: Object.fromEntries(
      [
        'SCREEN',
        'SUBMIT',
        'PLACE',
        'TREAT',
        'ALERT',
        'ASSESS',
        'DECIDE',
        'CONFIRM_ORIGIN',
        'CONFIRM_DEST',
        'DOCS',
        'TRAVEL',
        'RECEIVE',
        'PLAN',
        'FOLLOW_UP',
        'CLOSE',
        'WITHDRAW',
        'APPLY',
      ].map((e) => [e, { title: t(e) }]),
    ),
    guards: {
      isVictim: {
        logic: { '==': [{ var: 'form.indicators' }, true] },
        description: t('indicators of trafficking found'),
      },
      isMinor: {
        logic: { '<': [{ var: 'case.screening.age' }, 18] },
        description: t('the victim is a minor'),
      },
      lowRisk: {
        logic: { and: [{ '==': [{ var: 'form.risk' }, 'low'] }, { var: 'case.bestInterest.consent' }] },
        description: t('low return risk'),
      },
      decReturn: {
        logic: { '==': [{ var: 'form.decision' }, 'return'] },
        description: t('decision: return'),
      },
      decStay: { logic: { '==': [{ var: 'form.decision' }, 'stay'] }, description: t('decision: stay') },
      familySuitable: {
        logic: { '==': [{ var: 'form.suitable' }, true] },
        description: t('family is suitable'),
      },
    },
    delays: { followUpDue: { hours: 720 } },
    profile: {
      originCountry: { var: 'case.screening.origin' },
      ageGroup: {
        if: [
          { '<': [{ var: 'case.screening.age' }, 12] },
          '0-11',
          { '<': [{ var: 'case.screening.age' }, 18] },
          '12-17',
          '18+',
        ],
      },
    },
    forms: Object.fromEntries(FORMS.map((f) => [f.id, f])),
    invariantsInForce: [],
    machine: {
      id: 'bench-child-repatriation',
      initial: 'detection',
      on: { WITHDRAW: { target: '#bench-child-repatriation.closure', roles: ['supervisor'] } },
      states: {
        detection: {
          initial: 'screening',
          meta: meta('Detection'),
          states: {
            screening: {
              meta: meta('Screening', { form: 'screening', roles: ['caseworker'], deadline: { hours: 24 } }),
              on: {
                SCREEN: [
                  {
                    target: '#bench-child-repatriation.protection',
                    guard: 'isVictim',
                    actions: [
                      ...rec,
                      { type: 'notifyFocalPoint', params: { country: 'origin', reason: t('24-hour alert') } },
                    ],
                  },
                  { target: '#bench-child-repatriation.notVictim', actions: rec },
                ],
              },
            },
          },
        },
        protection: {
          type: 'parallel',
          meta: meta('Immediate protection'),
          states: {
            shelter: {
              initial: 'placing',
              meta: meta('Shelter'),
              states: {
                placing: step('Placing', 'shelter', 'placed', 'PLACE', { deadline: { hours: 24 } }),
                placed: fin('Placed'),
              },
            },
            health: {
              initial: 'assessing',
              meta: meta('Health'),
              states: { assessing: step('Health', 'health', 'treated', 'TREAT'), treated: fin('Treated') },
            },
            alert: {
              initial: 'notifying',
              meta: meta('Alert'),
              states: {
                notifying: step('Alert', 'alert', 'notified', 'ALERT', { deadline: { hours: 24 } }),
                notified: fin('Notified'),
              },
            },
          },
          onDone: { target: 'verification' },
        },
        verification: {
          initial: 'age',
          meta: meta('Verification'),
          states: {
            age: step('Age', 'age', 'identity'),
            identity: step('Identity', 'identity', 'nationality'),
            nationality: step('Nationality', 'nationality', 'done'),
            done: fin('Verified'),
          },
          onDone: { target: 'bestInterest' },
        },
        bestInterest: {
          initial: 'tracing',
          meta: meta('Best interest'),
          states: {
            tracing: step('Family tracing', 'tracing', 'family'),
            family: {
              meta: meta('Family assessment', { form: 'family', roles: ['caseworker'] }),
              on: {
                SUBMIT: [
                  { target: 'determination', guard: 'familySuitable', actions: rec },
                  { target: 'determination', actions: rec },
                ],
              },
            },
            determination: step('Determination', 'bestInterest', 'done', 'SUBMIT', { roles: ['supervisor'] }),
            done: fin('Determined'),
          },
          onDone: { target: 'risk' },
        },
        risk: {
          meta: meta('Risk assessment', { form: 'risk', roles: ['caseworker'], deadline: { hours: 72 } }),
          on: {
            ASSESS: [
              { target: 'decision', guard: 'lowRisk', actions: rec },
              { target: 'decision', actions: rec },
            ],
          },
        },
        decision: {
          meta: meta('Decision', { form: 'decision', roles: ['supervisor'] }),
          on: {
            DECIDE: [
              {
                target: 'coordination',
                guard: 'decReturn',
                actions: [
                  ...rec,
                  { type: 'setDeadline', params: { name: 'travel', hours: 240, title: t('Travel') } },
                ],
              },
              { target: 'regularisation', guard: 'decStay', actions: rec },
              { target: 'thirdCountry', actions: rec },
            ],
          },
        },
        coordination: {
          type: 'parallel',
          meta: meta('Coordination between liaisons'),
          states: {
            origin: {
              initial: 'waiting',
              meta: meta('Origin liaison'),
              states: {
                waiting: step('Origin liaison', 'liaison', 'confirmed', 'CONFIRM_ORIGIN'),
                confirmed: fin('Confirmed'),
              },
            },
            destination: {
              initial: 'waiting',
              meta: meta('Destination liaison'),
              states: {
                waiting: step('Destination liaison', 'liaison', 'confirmed', 'CONFIRM_DEST'),
                confirmed: fin('Confirmed'),
              },
            },
            documents: {
              initial: 'preparing',
              meta: meta('Travel documents'),
              states: { preparing: step('Documents', 'identity', 'ready', 'DOCS'), ready: fin('Ready') },
            },
          },
          onDone: { target: 'travel' },
        },
        travel: {
          meta: meta('Travel with escort', { form: 'travel', roles: ['caseworker'] }),
          on: {
            TRAVEL: {
              target: 'reception',
              actions: [
                ...rec,
                { type: 'clearDeadline', params: { name: 'travel' } },
                { type: 'notifyFocalPoint', params: { country: 'origin', reason: t('arrival') } },
              ],
            },
          },
        },
        reception: step('Reception', 'reception', 'reintegration', 'RECEIVE'),
        reintegration: {
          initial: 'plan',
          meta: meta('Reintegration'),
          states: {
            plan: step('Plan', 'plan', 'followUp', 'PLAN'),
            followUp: {
              meta: meta('Follow-up', { form: 'followUp', roles: ['caseworker'] }),
              after: {
                followUpDue: {
                  target: 'followUp',
                  actions: [
                    { type: 'notifyFocalPoint', params: { country: 'case', reason: t('follow-up overdue') } },
                  ],
                },
              },
              on: {
                FOLLOW_UP: { target: 'followUp', actions: rec },
                CLOSE: {
                  target: '#bench-child-repatriation.closure',
                  actions: [{ type: 'recordForm', params: { form: 'closure' } }],
                },
              },
            },
          },
        },
        regularisation: {
          initial: 'applying',
          meta: meta('Regularisation'),
          states: {
            applying: step('Application', 'regularisation', 'granted', 'APPLY'),
            granted: fin('Granted'),
          },
          onDone: { target: 'closure' },
        },
        thirdCountry: step('Third country', 'decision', 'closure', 'SUBMIT'),
        notVictim: fin('Not a victim'),
        closure: fin('Closed'),
      },
    },
  };
}

const OFFICERS = [
  'María José Pérez',
  'Luis Alberto Xol',
  'Ana Lucía Ramírez',
  'Carlos Ixcot',
  'Rosa Elena Batz',
  'Jorge Mario Cifuentes',
  'Wendy Yaneth López',
  'Pedro Tzul',
];
const PLACES = [
  'Ciudad de Guatemala',
  'Quetzaltenango',
  'Tecún Umán',
  'Puerto Barrios',
  'Esquipulas',
  'Huehuetenango',
  'Cobán',
];
const INSTITUTIONS = [
  'Procuraduría General de la Nación',
  'Secretaría contra la Violencia Sexual, Explotación y Trata de Personas',
  'Ministerio Público',
  'Secretaría de Bienestar Social',
];
const PHRASES = [
  'La niña está estable y acompañada.',
  'Se coordina con el enlace del país de origen para la notificación consular.',
  'Refiere haber sido trasladada desde la frontera norte con otras dos adolescentes.',
  'Recibe atención psicológica en el albergue; duerme mejor y participa en las actividades.',
  'La madre fue localizada por teléfono y pidió hablar con ella el fin de semana.',
  'Sin lesiones visibles; se programa control médico en una semana.',
  'Habla k’iche’ y algo de español; se solicitó intérprete para la entrevista.',
  'El equipo recomienda no compartir su ubicación con terceros.',
];

/**
 * A submission of a bench form: all 13 common fields plus the given ones. `n` is the case and
 * `k` the step: names, places, dates, notes and contacts differ from case to case and step to
 * step, as real submissions do (between 40 and 400 characters of notes).
 */
function data(n: number, k: number, extra: Record<string, unknown>): Record<string, unknown> {
  const phrases: string[] = [];
  for (let i = 0; i < 1 + ((n + k) % 5); i++) phrases.push(PHRASES[(n * 3 + k + i * 5) % PHRASES.length]!);
  return {
    officer: OFFICERS[(n + k) % OFFICERS.length],
    institution: INSTITUTIONS[(n + 2 * k) % INSTITUTIONS.length],
    date: new Date(Date.UTC(2025, 0, 1) + (n * 3 + k) * 86_400_000).toISOString().slice(0, 10),
    place: PLACES[(n * 7 + k) % PLACES.length],
    language: ['es', 'en', 'kiche'][n % 3],
    interpreter: (n + k) % 2 === 0,
    attempts: (n + k) % 5,
    score: ((n * 7 + k) % 20) / 2,
    level: ['low', 'medium', 'high'][(n + k) % 3],
    consent: true,
    notes: `Entrevista ${k + 1} del caso ${n}: ${phrases.join(' ')}`,
    reference: `GT-${1000 + n}`,
    contacts: ['madre', 'tía', 'abuela', 'hermano mayor', 'maestra'].slice(0, 1 + ((n + k) % 4)),
    ...extra,
  };
}

export interface BenchCommand {
  event: string;
  data?: Record<string, unknown>;
  role: 'caseworker' | 'supervisor';
}

/** The commands of one case through the protocol; `n` varies the data and the path. */
export function benchPath(n: number): BenchCommand[] {
  const cw = 'caseworker' as const;
  const sup = 'supervisor' as const;
  const decision = n % 4 === 3 ? 'stay' : 'return';
  let k = 0;
  const form = (extra: Record<string, unknown>) => data(n, k++, extra);
  const cmds: BenchCommand[] = [
    {
      event: 'SCREEN',
      data: form({ age: 8 + (n % 9), indicators: true, origin: ['HN', 'SV', 'NI'][n % 3] }),
      role: cw,
    },
    { event: 'PLACE', data: form({ shelterName: 'Casa Nuestras Raíces', beds: 3 }), role: cw },
    { event: 'ALERT', data: form({ channel: 'email', sentTo: 'enlace@hn.example' }), role: cw },
    { event: 'TREAT', data: form({ urgent: false, clinic: 'Centro de salud zona 1' }), role: cw },
    { event: 'SUBMIT', data: form({ estimatedAge: 12, method: 'documental' }), role: cw },
    { event: 'SUBMIT', data: form({ documentType: 'partida', documentNumber: `P${n}` }), role: cw },
    { event: 'SUBMIT', data: form({ nationality: 'HN', consulate: 'Consulado de Honduras' }), role: cw },
    { event: 'SUBMIT', data: form({ relativesFound: 2, region: 'Cortés' }), role: cw },
    { event: 'SUBMIT', data: form({ suitable: n % 2 === 0, visitor: 'DINAF' }), role: cw },
    { event: 'SUBMIT', data: form({ recommendation: decision, panel: 'PGN' }), role: sup },
    { event: 'ASSESS', data: form({ risk: 'low', assessor: 'PGN' }), role: cw },
    { event: 'DECIDE', data: form({ decision, authority: 'Juez de la niñez' }), role: sup },
  ];
  if (decision === 'return') {
    cmds.push(
      { event: 'CONFIRM_ORIGIN', data: form({ liaisonName: 'Enlace HN', confirmed: true }), role: cw },
      { event: 'DOCS', data: form({ documentType: 'salvoconducto', documentNumber: `S${n}` }), role: cw },
      { event: 'CONFIRM_DEST', data: form({ liaisonName: 'Enlace GT', confirmed: true }), role: cw },
      { event: 'TRAVEL', data: form({ flight: 'TA 123', escort: 'PGN' }), role: cw },
      { event: 'RECEIVE', data: form({ receivedBy: 'DINAF', condition: 'buena' }), role: cw },
      { event: 'PLAN', data: form({ goals: 'escuela y apoyo psicológico', school: true }), role: cw },
      { event: 'FOLLOW_UP', data: form({ visitNumber: 1, wellbeing: 'estable' }), role: cw },
      { event: 'FOLLOW_UP', data: form({ visitNumber: 2, wellbeing: 'estable' }), role: cw },
      { event: 'CLOSE', data: form({ reason: 'reintegración completa' }), role: cw },
    );
  } else {
    cmds.push({ event: 'APPLY', data: form({ status: 'temporal', permit: true }), role: cw });
  }
  return cmds;
}
