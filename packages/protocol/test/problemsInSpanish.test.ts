/**
 * Every problem the verifier can report says it in Spanish too. The protocols, forms, variants
 * and files below are broken each in one of the ways the other tests break them; each must give
 * problems whose Spanish message and hint are there, differ from the English and leave no English
 * sentence behind. The last test checks that between them they produce every text the verifier
 * has, so a new problem without Spanish (or without a case here) fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  checkInvariants,
  checkSchema,
  exploreStateSpace,
  invariantReport,
  loadRegistry,
  parseJson,
  resolveProtocol,
  verifyForm,
  verifyProtocol,
  verifyRegistry,
  type FieldSchema,
  type FormDefinition,
  type Problem,
  type ResolvedProtocol,
  type Text,
  type VariantFile,
} from '../src/index.js';
import { formTexts } from '../src/formTexts.js';
import { invariantTexts } from '../src/invariantTexts.js';
import { jsonTexts } from '../src/jsonTexts.js';
import { registryTexts, variantChangeTexts } from '../src/registryTexts.js';
import { SCHEMA_DESCRIPTIONS_ES } from '../src/schemaDescriptionsEs.js';
import { schemaHints, schemaMessages } from '../src/schemaTexts.js';
import { statechartTexts } from '../src/statechartTexts.js';
import { transitionTexts } from '../src/transitionTexts.js';
import { expectInSpanish } from './expectInSpanish.js';
import {
  childProtocol,
  decisionForm,
  meta as childMeta,
  pathOf,
  registryWith,
  screeningForm,
  sharedInvariants,
  t as text,
  variant,
} from './protocolFixture.js';
import { consentForm, goodProtocol, meta, t } from './verifyFixture.js';

// Broken on purpose, in ways the types rightly do not allow.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** goodProtocol changed by `edit`, then verified. */
function verified(edit: (p: Loose) => void, options: Parameters<typeof verifyProtocol>[1] = {}): Problem[] {
  const p = goodProtocol();
  edit(p);
  return verifyProtocol(p, options);
}

/** A registry of the child-protection fixtures with a variant of them, resolved. */
function resolvingVariant(changes: VariantFile['changes'], ...others: VariantFile[]): Problem[] {
  const r = resolveProtocol(registryWith(variant(changes), ...others), 'child-repatriation-gt@1');
  return r.ok ? [] : r.problems;
}

function formWith(edit: (f: Loose) => void): FormDefinition {
  const f = structuredClone(consentForm()) as Loose;
  edit(f);
  return f;
}

/** parseJson's problem for a text, as a list. */
const json = (text: unknown) => {
  const r = parseJson(text as string, 'forms/x.json');
  return r.ok ? [] : [r.problem];
};

/** A protocol whose two parallel regions of 6 steps each never offer the withdrawal. */
function manyCombinations(): ResolvedProtocol {
  const p = goodProtocol();
  const region = (name: string) => ({
    initial: `${name}1`,
    meta: meta(name),
    states: Object.fromEntries(
      [1, 2, 3, 4, 5, 6].map((i) => [
        `${name}${i}`,
        i === 6
          ? { type: 'final' as const, meta: meta(`${name}${i}`) }
          : {
              meta: meta(`${name}${i}`),
              on: { [`NEXT_${name.toUpperCase()}`]: { target: `${name}${i + 1}` } },
            },
      ]),
    ),
  });
  p.events = { NEXT_A: { title: t('Next A') }, NEXT_B: { title: t('Next B') }, WITHDRAW: { title: t('W') } };
  p.guards = {};
  p.delays = {};
  p.forms = {};
  p.invariantsInForce = [p.invariantsInForce[1]!];
  p.machine = {
    id: 'mini',
    initial: 'work',
    states: {
      work: {
        type: 'parallel',
        meta: meta('Work'),
        states: { a: region('a'), b: region('b') },
        onDone: { target: 'travel' },
      },
      travel: { tags: ['travel'], meta: meta('Travel'), on: { WITHDRAW: { target: 'closure' } } },
      closure: { type: 'final', meta: meta('Closure') },
    },
  };
  return p;
}

const CORPUS: Record<string, () => Problem[]> = {
  // The shape of the statechart.
  'a protocol without states': () => verified((p) => (p.machine.states = {})),
  'a protocol that starts in a state that does not exist': () =>
    verified((p) => (p.machine.initial = 'screenin')),
  'two states with the same id': () =>
    verified((p) => {
      p.machine.states.screening.id = 'same';
      p.machine.states.consent.id = 'same';
    }),
  'a parallel state with one region': () =>
    verified((p) => {
      p.machine.states.travel.type = 'parallel';
      p.machine.states.travel.states = {
        only: { meta: meta('Only'), initial: 'x', states: { x: { meta: meta('X') } } },
      };
    }),
  'steps inside a final and an atomic state': () =>
    verified((p) => {
      p.machine.states.closure.states = { after: { meta: meta('After') } };
      p.machine.states.travel.type = 'atomic';
      p.machine.states.travel.states = { inside: { meta: meta('Inside') } };
    }),
  'a compound state without steps, one without initial, one with an unknown initial': () =>
    verified((p) => {
      p.machine.states.screening.type = 'compound';
      p.machine.states.consent.states = { a: { meta: meta('A') } };
      p.machine.states.assessment.states = { a: { meta: meta('A') } };
      p.machine.states.assessment.initial = 'b';
    }),
  'metadata: no legal source, a deadline of 0 hours, a form and a role that do not exist': () =>
    verified((p) => {
      p.machine.states.screening.meta.legal = [];
      p.machine.states.consent.meta.deadline = { hours: 0 };
      p.machine.states.travel.meta.form = 'consnt';
      p.machine.states.screening.meta.roles = ['caseworkr'];
    }),
  'a final state with a timer and events': () =>
    verified((p) => {
      p.machine.states.closure.after = { noAnswer: { target: 'screening' } };
      p.machine.states.closure.on = { ARRIVED: { target: 'screening' } };
    }),
  'protocols too malformed to read': () => [
    ...verifyProtocol(null as Loose),
    ...verified((p) => (p.machine = 1)),
    ...verified((p) => (p.machine.states = 'states')),
    ...verified((p) => (p.machine.states.screening = 'screening')),
  ],

  // Transitions and what they name.
  'timers with a number and with an unknown delay': () =>
    verified(
      (p) =>
        (p.machine.states.travel.after = { 1000: { target: 'closure' }, noAnswr: { target: 'closure' } }),
    ),
  'onDone on a state without steps': () =>
    verified((p) => (p.machine.states.travel.onDone = { target: 'closure' })),
  'an unknown event, a misspelt target, a target with no state near, an unknown guard': () =>
    verified((p) => {
      p.machine.states.screening.on = { SCREEND: { target: 'consent' } };
      p.machine.states.travel.on.ARRIVED = { target: 'closur', guard: 'arrivedSafely' };
      p.machine.states.consent.after.noAnswer = { target: 'zzzzzzzz' };
      p.machine.states.assessment.onDone = { target: 'qqqqqqqq' };
      p.machine.states.assessment.states = { inner: { type: 'final', meta: meta('Inner') } };
      p.machine.states.assessment.initial = 'inner';
    }),
  'actions: unknown, a form that does not exist, nothing to record, a deadline of 0 hours': () =>
    verified((p) => {
      p.machine.states.screening.on.SCREENED.actions = [
        { type: 'recrdForm' },
        { type: 'recordForm', params: { form: 'nope' } },
        { type: 'recordForm' },
        { type: 'setDeadline', params: { name: 'alert', hours: 0, title: t('Alert') } },
      ];
      p.machine.on.WITHDRAW.actions = [{ type: 'recordForm' }];
    }),
  'guards, events, delays and forms nothing uses': () =>
    verified((p) => {
      p.guards.unused = { logic: true, description: t('Unused') };
      p.events.UNUSED = { title: t('Unused') };
      p.delays.unused = { hours: 1 };
      p.forms.extra = { ...consentForm(), id: 'extra' };
    }),
  'guards that read data that is not there': () =>
    verified((p) => {
      p.guards.lowRisk.logic = {
        and: [
          { '==': [{ var: 'form.levl' }, 'low'] },
          { var: 'case.nope.given' },
          { var: 'case.consent.gven' },
          { var: 'victim.age' },
        ],
      };
      p.guards.screened = { logic: { var: 'form.done' }, description: t('Screened') };
      p.machine.states.screening.on.SCREENED.guard = 'screened';
    }),

  // Where cases can go.
  'a state no case reaches, and a step with no way out': () =>
    verified((p) => {
      p.machine.states.island = { meta: meta('Island'), on: { ARRIVED: { target: 'closure' } } };
      delete p.machine.states.travel.on;
      delete p.machine.on;
      p.invariantsInForce = [];
    }),
  'steps that go round and never finish': () =>
    verified((p) => {
      p.machine.states.travel.on = { ARRIVED: { target: 'assessment' } };
      p.machine.states.assessment.on.ASSESSED = [{ target: 'travel', actions: [{ type: 'recordForm' }] }];
      delete p.machine.on;
      p.invariantsInForce = [];
    }),
  'a case that can never close': () =>
    verified((p) => {
      p.machine.states.closure = { meta: meta('Closure'), on: { ARRIVED: { target: 'screening' } } };
      p.invariantsInForce = [];
    }),
  'a statechart XState cannot run, and its invariants': () => {
    const p = goodProtocol();
    p.machine.states.screening!.on = { SCREENED: { target: 'nowhere' } };
    const space = exploreStateSpace(p);
    return [...space.problems, ...invariantReport(p, space).flatMap((i) => i.problems)];
  },
  'an exploration stopped at its bound': () => verified(() => undefined, { maxConfigurations: 2 }),

  // Invariants.
  'an invariant about a tag no state has': () =>
    verified((p) => (p.invariantsInForce[0].target = { tag: 'journey' })),
  'invariants that cannot be checked': () =>
    verified((p) => {
      p.invariantsInForce = [
        'not an invariant',
        { id: 'a', kind: 'mustPassBefore', description: t('A') },
        { id: 'b', kind: 'mustPassBefore', target: { tag: 'travel' }, requires: [], description: t('B') },
        {
          id: 'c',
          kind: 'mustPassBefore',
          target: { tag: 'travel' },
          requires: Array(31).fill({ tag: 'x' }),
          description: t('C'),
        },
        {
          id: 'd',
          kind: 'mustPassBefore',
          target: { tag: 'travel' },
          requires: [{ name: 'x' }],
          description: t('D'),
        },
        { id: 'e', kind: 'availableUntil', until: { tag: 'travel' }, description: t('E') },
        { id: 'f', kind: 'availableUntil', event: 'WITHDRAW', description: t('F') },
        { id: 'g', kind: 'mustNever', description: t('G') },
      ];
    }),
  'a step that bypasses the assessment, tagged and untagged': () => [
    ...verified((p) => {
      p.events.SKIP = { title: t('Skip') };
      p.machine.states.consent.on.SKIP = { target: 'travel' };
    }),
    ...verified((p) => delete p.machine.states.assessment.tags),
  ],
  'steps where consent cannot be withdrawn, and an event the protocol lacks': () => [
    ...verified((p) => delete p.machine.on),
    ...verified((p) => {
      delete p.machine.on;
      delete p.events.WITHDRAW;
    }),
  ],
  'more steps without withdrawal than are listed one by one': () => {
    const p = manyCombinations();
    return checkInvariants(p, exploreStateSpace(p));
  },

  // Forms.
  'a form without a schema, and one JSON Schema cannot compile': () => [
    ...verifyForm({ kind: 'form', id: 'empty', version: 1, title: text('Vacío') } as Loose),
    ...verifyForm(formWith((f) => (f.schema.properties.given.type = 'boolen'))),
  ],
  'fields without labels, choices without labels or with the wrong number of them': () =>
    verifyForm(
      formWith((f) => {
        f.schema.properties.noLabel = { type: 'string' };
        f.schema.properties.halfLabel = { type: 'string', 'x-label': { es: 'Mitad', en: '' } };
        f.schema.properties.otherHalf = { type: 'string', 'x-label': { es: '', en: 'Half' } };
        f.schema.properties.codes = { type: 'string', enum: ['a', 'b'], 'x-label': t('Codes') };
        f.schema.properties.language['x-enumLabels'].pop();
        f.schema.properties.sex = {
          type: 'string',
          enum: ['f', 'm'],
          'x-label': t('Sex'),
          'x-enumLabels': [t('Female'), { es: '', en: 'Male' }],
        };
        f.schema.required.push('nmae');
      }),
    ),
  'sample submissions the form refuses, for each reason': () =>
    [
      { given: 'yes', language: 'es' },
      { language: 'es' },
      { given: true, language: 'fr' },
      { given: true, language: 'es', extra: 1 },
    ].flatMap((example) => verifyForm(formWith((f) => (f.examples = [example])))),
  'a form file whose rules a schema cannot check': () => [
    ...checkSchema(
      'form',
      formWith((f) => {
        f.schema.properties.language['x-enumLabels'].pop();
        f.schema.properties.given['x-enumLabels'] = [t('Yes')];
        f.schema.required.push('nmae');
        f.schema.dependencies = { given: ['reason'] };
      }),
    ),
    ...checkSchema(
      'form',
      formWith((f) => (f.examples = [{ given: 'yes', language: 'es' }])),
    ),
    ...checkSchema(
      'form',
      formWith((f) => (f.examples = [[]])),
    ),
  ],

  // The format of the files.
  'files that break their JSON Schema in every way it says': () => [
    ...checkSchema('protocol', null),
    ...checkSchema('workflow' as never, {}),
    ...checkSchema(
      'protocol',
      ((p: Loose) => {
        delete p.title.en;
        p.events.SUBMIT.title.es = '   ';
        p.population = 'children';
        p.version = 0;
        p.id = 'Child Repatriation';
        p.guards.code = { logic: "form.decision == 'return'", description: text('x') };
        p.guards.log = { logic: { log: 'x' }, description: text('x') };
        p.guards.two = { logic: { '==': [1, 1], '!=': [1, 2] }, description: text('x') };
        p.guards.none = { logic: {}, description: text('x') };
        p.guards.constructor = { logic: true, description: text('x') };
        p.machine.states.screening.meta.roles = ['designer', 'designer'];
        p.machine.states.decision.meta.roles = [];
        p.machine.states.decision.states = {};
        p.machine.states.screening.meta.legal = [];
        p.machine.states.screening.metaa = {};
        p.machine.states.screening.on = {};
        p.machine.states.decision.meta.deadline = { hours: 'two' };
        delete p.machine.states.decision.meta.legal;
        p.machine.id = 'x';
        return p;
      })(structuredClone(childProtocol())),
    ),
    ...checkSchema(
      'form',
      ((f: Loose) => {
        delete f.schema.properties.notes['x-label'];
        f.schema.properties.notes.title = 'Notes';
        delete f.schema.properties.victim.properties.age['x-label'].en;
        f.schema.properties.victim.properties.name.pattern = '(';
        f.schema.properties.victim.properties.name.format = 'colour';
        f.kind = 'forms';
        return f;
      })(structuredClone(screeningForm())),
    ),
    ...checkSchema('variant', {
      ...variant([{ op: 'renameState', path: 'a' } as Loose]),
      jurisdiction: 'REGIONAL',
    }),
    ...checkSchema('invariants', { ...sharedInvariants(), kind: 'invariant' }),
  ],
  'malformed JSON, in every way it can be': () =>
    [
      null,
      '',
      '{"a": 1} x',
      '{"a": 1,}',
      '{a: 1}',
      '{"__proto__": {}}',
      '{"a": 1, "a": 2}',
      '{"a" 1}',
      '{"a": 1 "b": 2}',
      '[1, 2,]',
      '[1 2]',
      '{"a": "open',
      '{"a": "line\nbreak"}',
      '{"a": "\\u00zz"}',
      '{"a": "\\q"}',
      '{"a": -}',
      '{"a": 012}',
      '{"a": {"b": [1,',
      "{'a': 1}",
      '{"a": \'x\'}',
      '{"a": 1} // comment',
      '{"a": // why\n 1}',
      '{"a": }',
      '{"a": yes}',
      '{"a": @}',
      '\u0001',
      `${'['.repeat(70)}${']'.repeat(70)}`,
    ].flatMap(json),

  // Loading a checkout, resolving protocols and variants.
  'files without a kind, and files given twice': () => {
    const files = [childProtocol(), screeningForm(), sharedInvariants()].map((f) => ({
      path: pathOf(f),
      text: JSON.stringify(f),
    }));
    const again = files.map((f) => ({ ...f, path: f.path.replace('.json', '.copy.json') }));
    return loadRegistry([...files, ...again, { path: 'workflows/notes.json', text: '{"title": "notes"}' }])
      .problems;
  },
  'references that do not resolve': () => {
    const registry = registryWith(
      variant([], { id: 'a', base: 'b@1' }),
      variant([], { id: 'b', base: 'a@1' }),
      { ...childProtocol(), id: 'rejected', jurisdiction: 'XX' as Loose },
      { ...childProtocol(), version: 2, invariants: ['notify-orign'] },
    );
    return [
      'Bad Ref',
      'a@1',
      'rejected@1',
      'child-repatriation@7',
      'child-repatriaton@1',
      'child-repatriation@2',
    ].flatMap((ref) => {
      const r = resolveProtocol(registry, ref);
      return r.ok ? [] : r.problems;
    });
  },
  'protection-need answers a field cannot record': () => [
    ...verifyForm(formWith((f) => (f.schema.properties.language['x-protectionNeed'] = ['fr']))),
    ...verifyForm(formWith((f) => (f.schema.properties.language['x-protectionNeed'] = []))),
    ...verifyForm(formWith((f) => (f.schema.properties.given['x-protectionNeed'] = [true]))),
  ],
  'variants that drop a protection-need answer of their base': () =>
    [
      // The declaration dropped, one answer no longer declared, the field removed.
      { nationality: { type: 'string', enum: ['GT', 'HN', 'SV'] } },
      { nationality: { type: 'string', enum: ['GT', 'HN', 'SV'], 'x-protectionNeed': ['GT'] } },
      null,
    ].flatMap((replacement) => {
      const base = childProtocol();
      const form = screeningForm();
      form.schema.properties!.victim!.properties!.nationality!['x-protectionNeed'] = ['SV', 'HN'];
      const label = {
        'x-label': text('Nacionalidad', 'Nationality'),
        'x-enumLabels': [text('Guatemala'), text('Honduras'), text('El Salvador')],
      };
      const change =
        replacement === null
          ? ({ op: 'removeField', form: 'screening', field: 'victim.nationality' } as const)
          : ({
              op: 'replaceField',
              form: 'screening',
              field: 'victim.nationality',
              schema: { ...replacement.nationality, ...label } as FieldSchema,
            } as const);
      const files = [form, decisionForm(), base, sharedInvariants(), variant([change])];
      const registry = loadRegistry(files.map((f) => ({ path: pathOf(f), text: JSON.stringify(f) })));
      const r = resolveProtocol(registry, 'child-repatriation-gt@1');
      return r.ok ? [] : r.problems;
    }),
  'variants that take protection away from a sensitive field': () =>
    [
      { type: 'string', 'x-label': t('Salud', 'Health') }, // no longer sensitive
      { type: 'string', 'x-label': t('Salud', 'Health'), 'x-sensitive': true, 'x-shareable': true }, // sent across the border
    ].flatMap((schema) => {
      const change = { op: 'replaceField', form: 'screening', field: 'victim.health', schema } as const;
      const r = resolveProtocol(registryWith(variant([change])), 'child-repatriation-gt@1');
      return r.ok ? [] : r.problems;
    }),
  'variants whose base is missing, has problems or does not exist': () => [
    ...resolvingVariant([]).concat(
      (() => {
        const registry = registryWith(
          variant([], { base: 'child-repatriation@4' }),
          variant([], { id: 'from-rejected', base: 'rejected@1' }),
          variant([], { id: 'from-nothing', base: 'nothing@1' }),
          { ...childProtocol(), id: 'rejected', jurisdiction: 'XX' as Loose },
        );
        return ['child-repatriation-gt@1', 'from-rejected@1', 'from-nothing@1'].flatMap((ref) => {
          const r = resolveProtocol(registry, ref);
          return r.ok ? [] : r.problems;
        });
      })(),
    ),
  ],
  'forms a protocol names that forms/ lacks': () => {
    const p = childProtocol();
    p.machine.states.decision!.meta.form = 'decison';
    const r = resolveProtocol(registryWith({ ...p, version: 2 }), 'child-repatriation@2');
    return r.ok ? [] : r.problems;
  },
  'changes of a variant that name what does not exist': () =>
    resolvingVariant([
      { op: 'setStateMeta', path: 'protection.consul', meta: { institution: text('PGN') } },
      { op: 'addState', path: 'nowhere.x', state: { meta: childMeta('X') } },
      { op: 'addState', path: 'screening.x', state: { meta: childMeta('X') } },
      { op: 'replaceTransition', from: 'decision', event: 'DECIDED', transitions: { target: 'stayed' } },
      { op: 'removeTransition', from: 'stayed', event: 'DECIDE' },
      { op: 'removeDeadline', path: 'decision' },
      {
        op: 'replaceForm',
        form: {
          kind: 'form',
          id: 'desicion',
          version: 1,
          title: text('x'),
          schema: { type: 'object', properties: {} },
        },
      },
      {
        op: 'replaceField',
        form: 'screening',
        field: 'victim.nam',
        schema: { type: 'string', 'x-label': text('N') },
      },
      {
        op: 'addField',
        form: 'screening',
        field: 'victm.dpi',
        schema: { type: 'string', 'x-label': text('N') },
      },
      { op: 'removeField', form: 'screenin', field: 'notes' },
    ]),
  'changes of a variant that count from the step what already does': () =>
    resolvingVariant([
      { op: 'setDelay', name: 'escalate', delay: { hours: 12, from: null } },
      { op: 'setDelay', name: 'nothing', delay: { hours: 12, from: null } },
      { op: 'setStateMeta', path: 'protection.shelter', meta: { deadline: { hours: 12, from: null } } },
      { op: 'setStateMeta', path: 'decision', meta: { deadline: { hours: 12, from: null } } },
    ]),
  'changes of a variant that add what exists or remove a first step': () =>
    resolvingVariant([
      { op: 'addState', path: 'protection.shelter', state: { meta: childMeta('X') } },
      {
        op: 'addField',
        form: 'screening',
        field: 'victim.age',
        schema: { type: 'integer', 'x-label': text('Edad') },
      },
      {
        op: 'addForm',
        form: {
          kind: 'form',
          id: 'decision',
          version: 1,
          title: text('x'),
          schema: { type: 'object', properties: {} },
        },
      },
      { op: 'removeState', path: 'screening' },
      { op: 'removeState', path: 'protection.shelter' },
      {
        op: 'replaceState',
        path: 'stayed',
        state: { type: 'parallel', meta: childMeta('Stayed'), states: { only: { meta: childMeta('Only') } } },
      },
      { op: 'removeState', path: 'stayed.only' },
    ]),
  'a form a variant adds that breaks the rules of forms': () =>
    resolvingVariant([
      {
        op: 'addForm',
        form: {
          kind: 'form',
          id: 'stay-plan',
          version: 1,
          title: text('Plan'),
          schema: { type: 'object', required: ['plan'], properties: {} },
        },
      },
    ]),
  'a registry with a variant that inherits, changes and cannot resolve': () => {
    const base = childProtocol();
    base.machine.states.screening!.on = { SCREENED: { target: 'protecton' } };
    const own = variant([
      { op: 'addState', path: 'extra', state: { meta: { title: text('Extra'), legal: [] } } },
    ]);
    const unresolved = variant([], {
      id: 'child-repatriation-sv',
      jurisdiction: 'SV',
      base: 'child-repatriation-xx@1',
    });
    const from = variant([], {
      id: 'child-repatriation-hn',
      jurisdiction: 'HN',
      base: 'child-repatriation-sv@1',
    });
    const files = [
      screeningForm(),
      { ...screeningForm(), id: 'decision' },
      base,
      sharedInvariants(),
      own,
      unresolved,
      from,
    ];
    const report = verifyRegistry(
      loadRegistry(files.map((f) => ({ path: pathOf(f as Loose), text: JSON.stringify(f) }))),
    );
    const variantOnGoodBase = verifyRegistry(
      loadRegistry(
        [
          screeningForm(),
          { ...screeningForm(), id: 'decision' },
          childProtocol(),
          sharedInvariants(),
          own,
        ].map((f) => ({
          path: pathOf(f as Loose),
          text: JSON.stringify(f),
        })),
      ),
    );
    return [...report.protocols, ...variantOnGoodBase.protocols].flatMap((r) => r.problems);
  },
};

/**
 * Hints for keys and formats the schemas of ../schema do not ask for today (a key refused by a
 * pattern or as a reserved word is reported on its object, and the only format is "regex"):
 * checked here on their own, since no file can produce them.
 */
const NOT_PRODUCED_BY_THE_SCHEMAS: Record<string, () => Text> = {
  'schemaHints.rename': () => schemaHints.rename('bad key', { en: 'a field key', es: 'una clave de campo' }),
  'schemaHints.renameReserved': () => schemaHints.renameReserved('constructor'),
  'schemaHints.writeFormat': () => schemaHints.writeFormat('date', 'victim.dateOfBirth'),
};

/** Every text function of the verifier, by catalogue, to see which ones the corpus produced. */
const CATALOGUES = {
  statechartTexts,
  transitionTexts,
  invariantTexts,
  formTexts,
  registryTexts,
  notFound: registryTexts.notFound,
  variantChangeTexts,
  jsonTexts,
  schemaMessages,
  schemaHints,
} as Record<string, Record<string, unknown>>;

const used = new Set<string>();
beforeAll(() => {
  for (const [catalogue, texts] of Object.entries(CATALOGUES))
    for (const [name, fn] of Object.entries(texts))
      if (typeof fn === 'function')
        vi.spyOn(texts as Record<string, (...args: unknown[]) => unknown>, name).mockImplementation(
          (...args: unknown[]) => {
            used.add(`${catalogue}.${name}`);
            return (fn as (...args: unknown[]) => unknown)(...args);
          },
        );
});
afterAll(() => vi.restoreAllMocks());

describe('every problem says it in Spanish', () => {
  for (const [what, problemsOf] of Object.entries(CORPUS)) {
    it(what, () => {
      const problems = problemsOf();
      expect(problems.length, what).toBeGreaterThan(0);
      expectInSpanish(problems, what);
    });
  }

  it('has the Spanish of every description in the JSON Schemas, which the hints quote', () => {
    const dir = new URL('../schema/', import.meta.url);
    const descriptions = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      const { description } = value as { description?: unknown };
      if (typeof description === 'string') descriptions.add(description);
      Object.values(value).forEach(collect);
    };
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.schema.json')))
      collect(JSON.parse(readFileSync(new URL(name, dir), 'utf8')));
    expect(descriptions.size).toBeGreaterThan(200);
    const missing = [...descriptions].filter((d) => !Object.hasOwn(SCHEMA_DESCRIPTIONS_ES, d));
    expect(missing, 'descriptions without Spanish in schemaDescriptionsEs.ts').toEqual([]);
    for (const d of descriptions) expect(SCHEMA_DESCRIPTIONS_ES[d], d).not.toBe(d);
    const stale = Object.keys(SCHEMA_DESCRIPTIONS_ES).filter((d) => !descriptions.has(d));
    expect(stale, 'entries of schemaDescriptionsEs.ts no schema has any more').toEqual([]);
  });

  it('says in Spanish the hints no file can produce today', () => {
    for (const [name, hint] of Object.entries(NOT_PRODUCED_BY_THE_SCHEMAS)) {
      const { en, es } = hint();
      expect(es, name).toBeTruthy();
      expect(es, name).not.toBe(en);
    }
  });

  it('the cases above produce every text the verifier has', () => {
    used.clear();
    for (const problemsOf of Object.values(CORPUS)) problemsOf();
    for (const hint of Object.values(NOT_PRODUCED_BY_THE_SCHEMAS)) hint();
    const all = Object.entries(CATALOGUES).flatMap(([catalogue, texts]) =>
      Object.entries(texts)
        .filter(([, fn]) => typeof fn === 'function')
        .map(([name]) => `${catalogue}.${name}`),
    );
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((name) => !used.has(name))).toEqual([]);
  });
});
