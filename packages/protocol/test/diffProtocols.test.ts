import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffProtocols,
  isDiffEmpty,
  resolveProtocol,
  type ProtocolDiff,
  type ResolvedProtocol,
  type VariantChange,
} from '../src/index.js';
import { meta, registryWith, screeningForm, t, variant } from './protocolFixture.js';

/** What a diff says, as sorted keys: enough to compare two diffs exactly. */
interface Summary {
  protocol: string[];
  states: string[];
  transitions: string[];
  guards: string[];
  events: string[];
  delays: string[];
  invariants: string[];
  forms: string[];
}

function summarize(d: ProtocolDiff): Summary {
  const named = (x: {
    added: string[];
    removed: string[];
    changed: { name: string; changes: string[] }[];
  }) => [
    ...x.added.map((n) => `+${n}`),
    ...x.removed.map((n) => `-${n}`),
    ...x.changed.map((c) => `~${c.name}:${c.changes.join(',')}`),
  ];
  const tk = (x: { source: string; event: string; index: number }) => `${x.source}|${x.event}|${x.index}`;
  return {
    protocol: [...d.protocol],
    states: [
      ...d.states.added.map((s) => `+${s.path}`),
      ...d.states.removed.map((s) => `-${s.path}`),
      ...d.states.changed.map((s) => `~${s.path}:${s.changes.join(',')}`),
    ],
    transitions: [
      ...d.transitions.added.map((x) => `+${tk(x)}`),
      ...d.transitions.removed.map((x) => `-${tk(x)}`),
      ...d.transitions.changed.map((x) => `~${tk(x)}:${x.changes.join(',')}`),
    ],
    guards: named(d.guards),
    events: named(d.events),
    delays: named(d.delays),
    invariants: named(d.invariants),
    forms: [
      ...d.forms.added.map((f) => `+${f}`),
      ...d.forms.removed.map((f) => `-${f}`),
      ...d.forms.changed.flatMap((f) => [
        ...(f.changes.length > 0 ? [`~${f.id}:${f.changes.join(',')}`] : []),
        ...f.fields.added.map((p) => `~${f.id}+${p}`),
        ...f.fields.removed.map((p) => `~${f.id}-${p}`),
        ...f.fields.changed.map((p) => `~${f.id}~${p.path}:${p.changes.join(',')}`),
      ]),
    ],
  };
}

const empty = (): Summary => ({
  protocol: [],
  states: [],
  transitions: [],
  guards: [],
  events: [],
  delays: [],
  invariants: [],
  forms: [],
});

/** Changes a national designer makes, each with exactly what the diff must find for it. */
const MENU: { change: VariantChange; expect: Partial<Summary> }[] = [
  {
    change: { op: 'setStateMeta', path: 'protection.consular', meta: { institution: t('PGN') } },
    expect: { states: ['~protection.consular:institution'] },
  },
  {
    change: {
      op: 'setStateMeta',
      path: 'screening',
      meta: { deadline: { hours: 6 }, roles: ['caseworker', 'focalpoint'] },
    },
    expect: { states: ['~screening:roles,deadline'] },
  },
  {
    change: {
      op: 'setStateMeta',
      path: 'returned',
      meta: { title: t('Retornada'), legal: [{ seed: '002', clause: '#37' }] },
    },
    expect: { states: ['~returned:title,legal'] },
  },
  {
    change: { op: 'addState', path: 'protection.pgn', state: { meta: meta('PGN') } },
    expect: { states: ['+protection.pgn'] },
  },
  {
    change: {
      op: 'replaceState',
      path: 'stayed',
      state: { type: 'final', tags: ['closure'], meta: meta('Permanece') },
    },
    expect: { states: ['~stayed:tags'] },
  },
  {
    change: { op: 'removeTransition', from: 'protection.consular', event: 'after:escalate' },
    expect: { transitions: ['-protection.consular|after:escalate|0'] },
  },
  {
    change: { op: 'addTransition', from: 'decision', event: 'DECIDE', transition: { target: 'returned' } },
    expect: { transitions: ['+decision|DECIDE|2'] },
  },
  {
    change: {
      op: 'replaceTransition',
      from: 'protection.shelter',
      event: 'NEXT',
      transitions: { target: 'done' },
    },
    expect: { transitions: ['~protection.shelter|NEXT|0:target'] },
  },
  {
    change: {
      op: 'addTransition',
      from: '',
      event: 'ESCALATE',
      transition: { target: '#child-repatriation.stayed', roles: ['supervisor'] },
    },
    expect: { transitions: ['+|ESCALATE|0'] },
  },
  {
    change: {
      op: 'setGuard',
      name: 'isReturn',
      guard: {
        logic: { '===': [{ var: 'form.decision' }, 'return'] },
        description: t('Se decidió el retorno', 'Return was decided'),
      },
    },
    expect: { guards: ['~isReturn:logic'] },
  },
  {
    change: {
      op: 'setGuard',
      name: 'isStay',
      guard: { logic: { '==': [{ var: 'form.decision' }, 'stay'] }, description: t('Permanece') },
    },
    expect: { guards: ['+isStay'] },
  },
  {
    change: { op: 'setEvent', event: 'NEXT', definition: { title: t('Continuar', 'Continue') } },
    expect: { events: ['~NEXT:title'] },
  },
  {
    change: { op: 'setDelay', name: 'escalate', delay: { hours: 48 } },
    expect: { delays: ['~escalate:hours'] },
  },
  {
    change: {
      op: 'addField',
      form: 'screening',
      field: 'victim.dpi',
      schema: { type: 'string', 'x-label': t('DPI') },
    },
    expect: { forms: ['~screening+victim.dpi'] },
  },
  {
    change: { op: 'removeField', form: 'screening', field: 'notes' },
    expect: { forms: ['~screening:uiSchema', '~screening-notes'] },
  },
  {
    change: {
      op: 'replaceField',
      form: 'screening',
      field: 'victim.age',
      schema: { ...screeningForm().schema.properties!.victim!.properties!.age!, type: 'number' },
    },
    expect: { forms: ['~screening~victim.age:type'] },
  },
  {
    change: {
      op: 'replaceField',
      form: 'screening',
      field: 'victim.nationality',
      schema: { ...screeningForm().schema.properties!.victim!.properties!.nationality!, 'x-sensitive': true },
    },
    expect: { forms: ['~screening~victim.nationality:sensitive'] },
  },
  {
    change: {
      op: 'replaceField',
      form: 'screening',
      field: 'isMinor',
      schema: screeningForm().schema.properties!.isMinor!,
      required: false,
    },
    expect: { forms: ['~screening~isMinor:required'] },
  },
  {
    change: {
      op: 'replaceField',
      form: 'decision',
      field: 'decision',
      schema: { type: 'string', enum: ['return', 'stay', 'third'], 'x-label': t('Decisión', 'Decision') },
    },
    expect: { forms: ['~decision~decision:shareable,enum'] },
  },
  {
    change: {
      op: 'addForm',
      form: {
        kind: 'form',
        id: 'pgn-report',
        version: 1,
        title: t('Informe'),
        schema: { type: 'object', properties: {} },
      },
    },
    expect: { forms: ['+pgn-report'] },
  },
];

function resolve(ref: string, ...changes: VariantChange[]): ResolvedProtocol {
  const r = resolveProtocol(registryWith(variant(changes)), ref);
  if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 2));
  return r.protocol;
}

const sorted = (s: Summary): Summary =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, [...v].sort()])) as unknown as Summary;

describe('diffProtocols', () => {
  it('finds nothing between a protocol and itself, or a copy of it', () => {
    const base = resolve('child-repatriation@1');
    expect(isDiffEmpty(diffProtocols(base, base))).toBe(true);
    expect(isDiffEmpty(diffProtocols(base, structuredClone(base)))).toBe(true);
  });

  it('finds nothing between any variant and itself (property)', () => {
    fc.assert(
      fc.property(fc.subarray(MENU.map((m) => m.change)), (changes) => {
        const v = resolve('child-repatriation-gt@1', ...changes);
        expect(summarize(diffProtocols(v, structuredClone(v)))).toEqual(empty());
      }),
      { numRuns: 30 },
    );
  });

  it('finds exactly the changes a variant makes (property)', () => {
    const base = resolve('child-repatriation@1');
    fc.assert(
      fc.property(fc.subarray(MENU), (picked) => {
        const expected = empty();
        // A variant always has its own title, jurisdiction and base.
        expected.protocol = ['title', 'jurisdiction', 'base'];
        for (const m of picked) {
          for (const [k, v] of Object.entries(m.expect) as [keyof Summary, string[]][])
            expected[k].push(...v);
        }
        // Several changes to one form report its form-wide changes once.
        expected.forms = [...new Set(expected.forms)];
        const actual = summarize(
          diffProtocols(base, resolve('child-repatriation-gt@1', ...picked.map((m) => m.change))),
        );
        expect(sorted(actual)).toEqual(sorted(expected));
      }),
      { numRuns: 60 },
    );
  });

  it('reports what changed on a transition, with both versions', () => {
    const base = resolve('child-repatriation@1');
    const v = resolve('child-repatriation-gt@1', {
      op: 'replaceTransition',
      from: 'decision',
      event: 'DECIDE',
      transitions: [
        { target: 'stayed', guard: 'isReturn', roles: ['supervisor'] },
        { target: 'stayed', actions: [{ type: 'recordForm' }] },
      ],
    });
    expect(diffProtocols(base, v).transitions.changed).toEqual([
      {
        source: 'decision',
        event: 'DECIDE',
        index: 0,
        changes: ['target', 'actions', 'roles'],
        before: { target: 'returned', guard: 'isReturn', actions: [{ type: 'recordForm' }] },
        after: { target: 'stayed', guard: 'isReturn', roles: ['supervisor'] },
      },
    ]);
  });

  it('reports invariants in force and states removed with their titles', () => {
    const base = resolve('child-repatriation@1');
    const fewer = structuredClone(base);
    fewer.invariantsInForce = fewer.invariantsInForce.slice(1);
    delete fewer.machine.states.stayed;
    const d = diffProtocols(base, fewer);
    expect(d.invariants.removed).toEqual(['best-interest-before-return']);
    expect(d.states.removed).toEqual([{ path: 'stayed', title: t('Permanece') }]);
  });
});
