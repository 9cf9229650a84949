import { describe, expect, it } from 'vitest';
import { checkSchema, type Problem } from '../src/index.js';
import {
  childProtocol,
  decisionForm,
  screeningForm,
  sharedInvariants,
  t,
  variant,
} from './protocolFixture.js';

/** Files broken the way designers break them, which the types rightly do not allow. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** A deep copy of a fixture, changed by `edit`. */
function broken<T>(file: T, edit: (f: Loose) => void): unknown {
  const copy = structuredClone(file) as Loose;
  edit(copy);
  return copy;
}

const at = (problems: Problem[], pointer: string) => problems.find((p) => p.location.pointer === pointer);

describe('checkSchema', () => {
  it('accepts well-formed files of every kind', () => {
    expect(checkSchema('protocol', childProtocol())).toEqual([]);
    expect(checkSchema('form', screeningForm())).toEqual([]);
    expect(checkSchema('form', decisionForm())).toEqual([]);
    expect(checkSchema('invariants', sharedInvariants())).toEqual([]);
    expect(
      checkSchema(
        'variant',
        variant([
          { op: 'setStateMeta', path: 'protection.consular', meta: { institution: t('PGN') } },
          {
            op: 'addField',
            form: 'screening',
            field: 'victim.dpi',
            schema: { type: 'string', 'x-label': t('DPI') },
          },
        ]),
      ),
    ).toEqual([]);
  });

  it('asks for the missing English text where it belongs', () => {
    const problems = checkSchema(
      'protocol',
      broken(childProtocol(), (p) => delete p.title.en),
      'workflows/x.json',
    );
    expect(problems).toEqual([
      {
        code: 'schema-required',
        location: { file: 'workflows/x.json', pointer: '/title/en' },
        message: expect.stringContaining('"en"'),
        hint: 'add an English title: title.en',
        es: { message: 'Falta «en» en «title»', hint: 'Añada el texto en inglés de «title»: title.en.' },
      },
    ]);
  });

  it('refuses blank texts, naming the language', () => {
    const problems = checkSchema(
      'protocol',
      broken(childProtocol(), (p) => (p.events.SUBMIT.title.es = '   ')),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.location.pointer).toBe('/events/SUBMIT/title/es');
    expect(problems[0]!.hint).toContain('Spanish');
  });

  it('names the state a problem is in and suggests the key meant', () => {
    const problems = checkSchema(
      'protocol',
      broken(childProtocol(), (p) => (p.machine.states.protection.intial = 'shelter')),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'schema-unknown-property',
      location: { pointer: '/machine/states/protection/intial', state: 'protection' },
    });
    expect(problems[0]!.hint).toMatch(/did you mean "initial"/);
  });

  it('points into nested states and actions', () => {
    const problems = checkSchema(
      'protocol',
      broken(childProtocol(), (p) => {
        p.machine.states.protection.states.shelter.on.NEXT.actions = [
          { type: 'setDeadline', params: { name: 'x', hours: 4 } },
        ];
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.location).toEqual({
      pointer: '/machine/states/protection/states/shelter/on/NEXT/actions/0/params/title',
      state: 'protection.shelter',
    });
    expect(problems[0]!.hint).toContain(
      'add machine.states.protection.states.shelter.on.NEXT.actions[0].params.title',
    );
  });

  it('refuses ids that are not kebab-case and versions that are not positive integers', () => {
    const problems = checkSchema(
      'protocol',
      broken(childProtocol(), (p) => {
        p.id = 'Child_Repatriation';
        p.version = 0;
      }),
    );
    expect(at(problems, '/id')?.hint).toMatch(/kebab-case/);
    expect(at(problems, '/version')?.hint).toMatch(/>= 1/);
    expect(
      checkSchema(
        'protocol',
        broken(childProtocol(), (p) => (p.version = 1.5)),
      )[0]?.location.pointer,
    ).toBe('/version');
  });

  it('allows only the coalition countries and the fixed roles and actions', () => {
    const problems = checkSchema(
      'protocol',
      broken(childProtocol(), (p) => {
        p.jurisdiction = 'FR';
        p.machine.states.screening.meta.roles = ['caseworkr'];
        p.machine.states.screening.on.SUBMIT.actions = [{ type: 'sendEmail' }];
      }),
    );
    expect(at(problems, '/jurisdiction')?.hint).toContain('"REGIONAL"');
    expect(at(problems, '/machine/states/screening/meta/roles/0')?.hint).toMatch(/did you mean "caseworker"/);
    expect(at(problems, '/machine/states/screening/on/SUBMIT/actions/0/type')?.hint).toContain(
      '"recordForm"',
    );
    expect(problems).toHaveLength(3);
  });

  it('refuses guards written as strings of code, and unknown or several operators', () => {
    const problems = checkSchema(
      'protocol',
      broken(childProtocol(), (p) => {
        p.guards.code = { logic: "form.decision == 'return'", description: t('x') };
        p.guards.log = { logic: { log: 'x' }, description: t('x') };
        p.guards.two = { logic: { '==': [1, 1], '!=': [1, 2] }, description: t('x') };
      }),
    );
    expect(at(problems, '/guards/code/logic')?.hint).toMatch(
      /JSON Logic object.*strings of code are not accepted/,
    );
    expect(at(problems, '/guards/log/logic/log')?.code).toBe('schema-key');
    expect(at(problems, '/guards/two/logic')?.hint).toMatch(/"and"/);
    expect(problems).toHaveLength(3);
  });

  it('asks every form field for a label in both languages, and explains title', () => {
    const problems = checkSchema(
      'form',
      broken(screeningForm(), (f) => {
        delete f.schema.properties.notes['x-label'];
        f.schema.properties.notes.title = 'Notes';
        delete f.schema.properties.victim.properties.age['x-label'].en;
      }),
      'forms/screening.json',
    );
    expect(at(problems, '/schema/properties/notes/x-label')).toMatchObject({
      location: { form: 'screening', field: 'notes' },
      hint: expect.stringContaining('label in both languages'),
    });
    expect(at(problems, '/schema/properties/notes/title')?.hint).toContain('x-label');
    expect(at(problems, '/schema/properties/victim/properties/age/x-label/en')).toMatchObject({
      location: { field: 'victim.age' },
      hint: 'add an English label: schema.properties.victim.properties.age.x-label.en',
    });
    expect(problems).toHaveLength(3);
  });

  it('does not ask conditions for labels', () => {
    const form = decisionForm();
    expect(form.schema.if?.properties?.decision?.['x-label']).toBeUndefined();
    expect(checkSchema('form', form)).toEqual([]);
  });

  it('checks what a schema cannot: enum labels, required fields, examples', () => {
    const problems = checkSchema(
      'form',
      broken(screeningForm(), (f) => {
        f.schema.properties.victim.properties.nationality['x-enumLabels'].pop();
        f.schema.required.push('consent');
      }),
    );
    expect(problems.map((p) => [p.code, p.location.pointer])).toEqual([
      ['form-required-unknown', '/schema/required/2'],
      ['form-enum-labels', '/schema/properties/victim/properties/nationality/x-enumLabels'],
    ]);
    const badExample = checkSchema(
      'form',
      broken(screeningForm(), (f) => (f.examples[0].victim.age = 'fourteen')),
    );
    expect(badExample).toMatchObject([
      { code: 'form-example-invalid', location: { pointer: '/examples/0/victim/age' } },
    ]);
  });

  it('checks variants change by change', () => {
    const problems = checkSchema(
      'variant',
      broken(variant([]), (v) => {
        v.jurisdiction = 'REGIONAL';
        v.base = 'child-repatriation';
        v.changes = [
          { op: 'setStateMeta', path: 'protection.consular', meta: {} },
          { op: 'renameState', path: 'a' },
          { op: 'addField', form: 'screening', field: 'victim.dpi', schema: { type: 'string' } },
        ];
      }),
    );
    expect(at(problems, '/jurisdiction')).toBeDefined();
    expect(at(problems, '/base')?.hint).toContain('"id@version"');
    expect(at(problems, '/changes/0/meta')).toMatchObject({ location: { state: 'protection.consular' } });
    expect(at(problems, '/changes/1/op')?.hint).toContain('addState');
    expect(at(problems, '/changes/2/schema/x-label')).toMatchObject({
      location: { form: 'screening', field: 'victim.dpi' },
    });
    expect(problems).toHaveLength(5);
  });

  it('checks the shared invariants and what each applies to', () => {
    const problems = checkSchema(
      'invariants',
      broken(sharedInvariants(), (f) => {
        delete f.invariants[0].appliesTo;
        f.invariants[1].kind = 'mustNever';
      }),
    );
    expect(at(problems, '/invariants/0/appliesTo')).toBeDefined();
    expect(at(problems, '/invariants/1/kind')?.hint).toContain('"availableUntil"');
    expect(problems).toHaveLength(2);
  });

  it('says so when asked for a kind of file the format does not have', () => {
    expect(checkSchema('workflow' as never, {})).toMatchObject([
      { code: 'unknown-kind', hint: expect.stringContaining('"protocol"') },
    ]);
  });

  it('gives one problem for a value of the wrong type, not a cascade', () => {
    const problems = checkSchema(
      'protocol',
      broken(childProtocol(), (p) => (p.title = 'Repatriación')),
    );
    expect(problems).toEqual([
      expect.objectContaining({ code: 'schema-type', location: { pointer: '/title' } }),
    ]);
    expect(checkSchema('protocol', null)).toEqual([expect.objectContaining({ location: { pointer: '' } })]);
  });
});
