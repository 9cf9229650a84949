import { describe, expect, it } from 'vitest';
import { resolveProtocol, type Problem, type ResolvedProtocol, type VariantFile } from '../src/index.js';
import { meta, registryWith, t, variant } from './protocolFixture.js';

function resolved(...variants: VariantFile[]): ResolvedProtocol {
  const r = resolveProtocol(registryWith(...variants), `${variants[0]!.id}@${variants[0]!.version}`);
  if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 2));
  return r.protocol;
}

function problems(...variants: VariantFile[]): Problem[] {
  const r = resolveProtocol(registryWith(...variants), `${variants[0]!.id}@${variants[0]!.version}`);
  if (r.ok) throw new Error('expected the variant not to resolve');
  return r.problems;
}

describe('resolving a national variant', () => {
  it("takes the variant's identity and keeps the base's population and invariants", () => {
    const p = resolved(variant([], { description: t('Guatemala') }));
    expect(p).toMatchObject({
      kind: 'protocol',
      id: 'child-repatriation-gt',
      version: 1,
      jurisdiction: 'GT',
      title: t('Repatriación (Guatemala)', 'Repatriation (Guatemala)'),
      description: t('Guatemala'),
      base: 'child-repatriation@1',
      population: 'child',
    });
    expect(p.invariantsInForce.map((i) => i.id)).toEqual([
      'best-interest-before-return',
      'notify-origin',
      'decide-before-return',
    ]);
    // The statechart keeps its id: absolute targets ("#child-repatriation.x") keep working.
    expect(p.machine.id).toBe('child-repatriation');
  });

  it('applies state, transition and metadata changes in order', () => {
    const p = resolved(
      variant([
        {
          op: 'addState',
          path: 'protection.pgn',
          state: { meta: meta('PGN'), on: { NEXT: { target: 'done' } } },
        },
        {
          op: 'replaceTransition',
          from: 'protection.consular',
          event: 'NEXT',
          transitions: { target: 'pgn' },
        },
        { op: 'removeTransition', from: 'protection.consular', event: 'after:escalate' },
        {
          op: 'addTransition',
          from: 'decision',
          event: 'DECIDE',
          transition: { target: 'stayed', roles: ['supervisor'] },
        },
        {
          op: 'addTransition',
          from: '',
          event: 'NEXT',
          transition: { target: '#child-repatriation.stayed' },
        },
        {
          op: 'setStateMeta',
          path: 'protection.consular',
          meta: {
            institution: t('PGN'),
            deadline: { hours: 12 },
            legal: [
              { seed: '004', clause: 'B.1' },
              { seed: '004', clause: 'B.2', law: 'Ley VET art. 11' },
            ],
          },
        },
        { op: 'removeDeadline', path: 'protection.shelter' },
        {
          op: 'setGuard',
          name: 'isReturn',
          guard: { logic: { '===': [{ var: 'form.decision' }, 'return'] }, description: t('Retorno') },
        },
        { op: 'setEvent', event: 'ESCALATE', definition: { title: t('Escalar') } },
        { op: 'setDelay', name: 'escalate', delay: { hours: 12 } },
        { op: 'setTitle', title: t('Título nuevo'), description: t('Nueva') },
      ]),
    );
    const protection = p.machine.states.protection!;
    expect(Object.keys(protection.states!)).toEqual(['shelter', 'consular', 'done', 'pgn']);
    expect(protection.states!.consular).toMatchObject({
      on: { NEXT: { target: 'pgn' } },
      meta: {
        institution: t('PGN'),
        deadline: { hours: 12 },
        // The base's citation stays; the national law is added once.
        legal: [
          { seed: '004', clause: 'B.1' },
          { seed: '004', clause: 'B.2', law: 'Ley VET art. 11' },
        ],
      },
    });
    expect(protection.states!.consular!.after).toBeUndefined();
    expect(protection.states!.shelter!.meta.deadline).toBeUndefined();
    expect(p.machine.states.decision!.on!.DECIDE).toHaveLength(3);
    expect(p.machine.on).toEqual({ NEXT: { target: '#child-repatriation.stayed' } });
    expect(p.guards.isReturn!.logic).toEqual({ '===': [{ var: 'form.decision' }, 'return'] });
    expect(p.events.ESCALATE).toEqual({ title: t('Escalar') });
    expect(p.delays).toEqual({ escalate: { hours: 12 } });
    expect([p.title.es, p.description?.es]).toEqual(['Título nuevo', 'Nueva']);
  });

  it("never takes protection away from a victim's sensitive data, and may add it", () => {
    const health = (extra: Record<string, unknown>) => ({
      op: 'replaceField' as const,
      form: 'screening',
      field: 'victim.health',
      schema: { type: 'string' as const, 'x-label': t('Salud'), ...extra },
    });
    expect(problems(variant([health({})]))).toEqual([
      expect.objectContaining({
        code: 'sensitive-unmarked',
        location: {
          file: expect.any(String),
          pointer: '/changes',
          form: 'screening',
          field: 'victim.health',
        },
      }),
    ]);
    expect(
      problems(variant([health({ 'x-sensitive': true, 'x-shareable': true })])).map((p) => p.code),
    ).toEqual(['sensitive-made-shareable']);
    // Removing the field collects nothing; marking another field sensitive protects more.
    const removed = resolved(variant([{ op: 'removeField', form: 'screening', field: 'victim.health' }]));
    expect(removed.forms.screening!.schema.properties!.victim!.properties!.health).toBeUndefined();
    const more = resolved(
      variant([
        {
          op: 'replaceField',
          form: 'screening',
          field: 'notes',
          schema: { type: 'string', 'x-label': t('Notas'), 'x-sensitive': true },
        },
      ]),
    );
    expect(more.forms.screening!.schema.properties!.notes!['x-sensitive']).toBe(true);
  });

  it('applies field changes to its own copy of the form, required included', () => {
    const p = resolved(
      variant([
        {
          op: 'addField',
          form: 'screening',
          field: 'victim.dpi',
          schema: { type: 'string', 'x-label': t('DPI'), 'x-sensitive': true },
          required: true,
        },
        {
          op: 'replaceField',
          form: 'screening',
          field: 'victim.age',
          schema: { type: 'integer', maximum: 17, 'x-label': t('Edad') },
          required: true,
        },
        {
          op: 'replaceField',
          form: 'screening',
          field: 'victim.name',
          schema: { type: 'string', 'x-label': t('Nombres'), 'x-sensitive': true },
          required: false,
        },
        { op: 'removeField', form: 'screening', field: 'notes' },
      ]),
    );
    const schema = p.forms.screening!.schema;
    const victim = schema.properties!.victim!;
    expect(Object.keys(victim.properties!)).toEqual(['name', 'age', 'nationality', 'health', 'dpi']);
    expect(victim.properties!.dpi).toEqual({ type: 'string', 'x-label': t('DPI'), 'x-sensitive': true });
    expect(victim.properties!.age!.maximum).toBe(17);
    expect(victim.required).toEqual(['dpi', 'age']);
    expect(schema.properties!.notes).toBeUndefined();
    // The removed field leaves the uiSchema order and the examples.
    expect(p.forms.screening!.uiSchema).toEqual({ 'ui:order': ['isMinor', 'victim'] });
    // The registry's form is untouched.
    const base = resolveProtocol(registryWith(), 'child-repatriation@1');
    expect(base.ok && base.protocol.forms.screening!.schema.properties!.notes).toBeDefined();
  });

  it('changes and removes fields declared only inside a condition', () => {
    const p = resolved(
      variant([
        {
          op: 'replaceField',
          form: 'decision',
          field: 'reason',
          schema: { type: 'string', maxLength: 500, 'x-label': t('Motivo') },
        },
        { op: 'removeField', form: 'decision', field: 'reason' },
      ]),
    );
    expect(p.forms.decision!.schema.then).toEqual({ properties: {} });
    const replaced = resolved(
      variant([
        {
          op: 'replaceField',
          form: 'decision',
          field: 'reason',
          schema: { type: 'string', maxLength: 500, 'x-label': t('Motivo') },
        },
      ]),
    );
    expect(replaced.forms.decision!.schema.then).toEqual({
      required: ['reason'],
      properties: { reason: { type: 'string', maxLength: 500, 'x-label': t('Motivo') } },
    });
  });

  it('adds and replaces whole forms', () => {
    const p = resolved(
      variant([
        {
          op: 'addForm',
          form: {
            kind: 'form',
            id: 'pgn-report',
            version: 1,
            title: t('Informe PGN'),
            schema: { type: 'object', properties: {} },
          },
        },
        { op: 'setStateMeta', path: 'protection.consular', meta: { form: 'pgn-report' } },
        {
          op: 'replaceForm',
          form: {
            kind: 'form',
            id: 'decision',
            version: 2,
            title: t('Decisión GT'),
            schema: { type: 'object', properties: {} },
          },
        },
      ]),
    );
    expect(Object.keys(p.forms)).toEqual(['screening', 'decision', 'pgn-report']);
    expect(p.forms.decision!.version).toBe(2);
  });

  it('resolves a variant of a variant, changes of both applied', () => {
    const gt = variant([
      { op: 'setStateMeta', path: 'protection.consular', meta: { institution: t('PGN') } },
    ]);
    const local = variant(
      [{ op: 'setStateMeta', path: 'protection.shelter', meta: { institution: t('SBS') } }],
      {
        id: 'child-repatriation-gt-local',
        base: 'child-repatriation-gt@1',
      },
    );
    const p = resolved(local, gt);
    expect(p.base).toBe('child-repatriation-gt@1');
    expect(p.machine.states.protection!.states!.consular!.meta.institution).toEqual(t('PGN'));
    expect(p.machine.states.protection!.states!.shelter!.meta.institution).toEqual(t('SBS'));
  });

  it('reports a missing base with the versions that exist', () => {
    const [p] = problems(variant([], { base: 'child-repatriation@4' }));
    expect(p).toEqual({
      code: 'missing-base',
      location: { file: 'workflows/child-repatriation-gt.v1.json', pointer: '/base' },
      message:
        'child-repatriation-gt@1 is based on child-repatriation@4, but child-repatriation has no version 4',
      hint: 'versions that exist: child-repatriation@1',
      es: {
        message:
          'child-repatriation-gt@1 se basa en child-repatriation@4, pero child-repatriation no tiene la versión 4.',
        hint: 'Versiones que existen: child-repatriation@1.',
      },
    });
    expect(problems(variant([], { base: 'child-repatriaton@1' }))[0]).toMatchObject({
      code: 'missing-base',
      hint: expect.stringContaining('did you mean "child-repatriation"?'),
    });
  });

  it('shows the cycle when variants derive from each other', () => {
    const a = variant([], { id: 'a', base: 'b@1' });
    const b = variant([], { id: 'b', base: 'c@1' });
    const c = variant([], { id: 'c', base: 'a@1' });
    const [p] = problems(a, b, c);
    expect(p).toMatchObject({
      code: 'variant-cycle',
      location: { file: 'workflows/c.v1.json', pointer: '/base' },
    });
    expect(p!.message).toContain('a@1 -> b@1 -> c@1 -> a@1');
    expect(problems(variant([], { id: 'self', base: 'self@1' }))[0]!.message).toContain('self@1 -> self@1');
  });

  it('says which change names what does not exist, and what exists nearby', () => {
    const found = problems(
      variant([
        { op: 'setStateMeta', path: 'protection.consul', meta: { institution: t('PGN') } },
        { op: 'addState', path: 'nowhere.x', state: { meta: meta('X') } },
        { op: 'replaceTransition', from: 'decision', event: 'DECIDED', transitions: { target: 'stayed' } },
        { op: 'removeDeadline', path: 'decision' },
        {
          op: 'replaceForm',
          form: {
            kind: 'form',
            id: 'desicion',
            version: 1,
            title: t('x'),
            schema: { type: 'object', properties: {} },
          },
        },
        {
          op: 'replaceField',
          form: 'screening',
          field: 'victim.nam',
          schema: { type: 'string', 'x-label': t('N') },
        },
        {
          op: 'addField',
          form: 'screening',
          field: 'victm.dpi',
          schema: { type: 'string', 'x-label': t('N') },
        },
        { op: 'removeField', form: 'screenin', field: 'notes' },
      ]),
    );
    expect(found.map((p) => [p.code, p.location.pointer, p.hint])).toEqual([
      [
        'change-state-missing',
        '/changes/0/path',
        'did you mean "protection.consular"? states inside "protection": shelter, consular, done',
      ],
      [
        'change-state-missing',
        '/changes/1/path',
        'states at the top level: screening, protection, decision, returned, stayed',
      ],
      [
        'change-transition-missing',
        '/changes/2/event',
        'did you mean "DECIDE"? transitions there: DECIDE; use addTransition to add one',
      ],
      ['change-deadline-missing', '/changes/3/path', 'remove this change: there is nothing to remove'],
      [
        'change-form-missing',
        '/changes/4/form',
        'did you mean "decision"? forms of the protocol: screening, decision; use addForm to add it',
      ],
      [
        'change-field-missing',
        '/changes/5/field',
        'did you mean "victim.name"? fields in "victim": name, age, nationality, health',
      ],
      [
        'change-field-missing',
        '/changes/6/field',
        'did you mean "victim"? fields at the top of the form: isMinor, victim, notes',
      ],
      [
        'change-form-missing',
        '/changes/7/form',
        'did you mean "screening"? forms of the protocol: screening, decision',
      ],
    ]);
    expect(found[0]!.message).toBe('Change 0 (setStateMeta): there is no state "protection.consul"');
    expect(found[0]!.location).toMatchObject({
      file: 'workflows/child-repatriation-gt.v1.json',
      state: 'protection.consul',
    });
  });

  it('refuses to add what already exists', () => {
    const found = problems(
      variant([
        { op: 'addState', path: 'protection.shelter', state: { meta: meta('X') } },
        {
          op: 'addField',
          form: 'screening',
          field: 'victim.age',
          schema: { type: 'integer', 'x-label': t('Edad') },
        },
        {
          op: 'addForm',
          form: {
            kind: 'form',
            id: 'decision',
            version: 1,
            title: t('x'),
            schema: { type: 'object', properties: {} },
          },
        },
      ]),
    );
    expect(found.map((p) => [p.code, p.hint])).toEqual([
      ['change-already-exists', 'use replaceState to change it, or choose another key'],
      ['change-already-exists', 'use replaceField to change it'],
      ['change-already-exists', 'use replaceForm to change it, or give the new form another id'],
    ]);
  });

  it('refuses to remove a state a case starts in', () => {
    const found = problems(
      variant([
        { op: 'removeState', path: 'screening' },
        { op: 'removeState', path: 'protection.shelter' },
      ]),
    );
    expect(found.map((p) => p.code)).toEqual(['change-removes-initial', 'change-removes-initial']);
    expect(found[1]!.hint).toBe('replace "protection" with replaceState, giving it another initial state');
  });

  it('reports a form a change names that no file defines', () => {
    const [p] = problems(variant([{ op: 'setStateMeta', path: 'stayed', meta: { form: 'stay-plan' } }]));
    expect(p).toMatchObject({
      code: 'unknown-form',
      location: { file: 'workflows/child-repatriation-gt.v1.json', form: 'stay-plan' },
    });
  });
});
