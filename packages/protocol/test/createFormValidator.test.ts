import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFormValidator, type FormDefinition } from '../src/index.js';
import { formAjv } from '../src/formAjv.js';
import { normalizeFormSchema } from '../src/normalizeFormSchema.js';
import { formAndData } from './formArbitraries.js';
import { decisionForm, screeningForm, t } from './protocolFixture.js';

const valid = () => ({ isMinor: true, victim: { name: 'Ana', age: 14, nationality: 'HN' }, notes: 'x' });

describe('createFormValidator', () => {
  it('accepts a complete submission', () => {
    expect(createFormValidator(screeningForm())(valid())).toEqual({ ok: true });
  });

  it('refuses fields the form does not declare, at any depth', () => {
    const data = { ...valid(), extra: 1, victim: { ...valid().victim, passport: 'X1' } };
    const r = createFormValidator(screeningForm())(data);
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          path: '/extra',
          keyword: 'additionalProperties',
          message: 'is not a field of this form: remove it',
        },
        {
          path: '/victim/passport',
          keyword: 'additionalProperties',
          message: 'is not a field of this form: remove it',
        },
      ],
    });
  });

  it('refuses oversized texts and lists even where the author set no bound', () => {
    const form = screeningForm();
    form.schema.properties!.aliases = { type: 'array', items: { type: 'string' }, 'x-label': t('Alias') };
    const r = createFormValidator(form)({
      ...valid(),
      notes: 'x'.repeat(2001),
      aliases: Array(201).fill('a'),
    });
    expect(!r.ok && r.errors).toEqual([
      {
        path: '/notes',
        keyword: 'maxLength',
        message: 'must be at most 2000 characters',
        label: t('Notas', 'Notes'),
      },
      { path: '/aliases', keyword: 'maxItems', message: 'must have at most 200 items', label: t('Alias') },
    ]);
    expect(
      createFormValidator(form)({ ...valid(), notes: 'x'.repeat(2000), aliases: Array(200).fill('a') }).ok,
    ).toBe(true);
  });

  it('refuses wrong types without coercing them, and names the field', () => {
    const data = { isMinor: 'true', victim: { name: 'Ana', age: '14', nationality: 'FR' } };
    const copy = structuredClone(data);
    const r = createFormValidator(screeningForm())(data);
    expect(!r.ok && r.errors.map((e) => [e.path, e.keyword, e.label?.en])).toEqual([
      ['/isMinor', 'type', 'Is a minor'],
      ['/victim/age', 'type', 'Age'],
      ['/victim/nationality', 'enum', 'Nationality'],
    ]);
    expect(!r.ok && r.errors[2]!.message).toBe('must be one of: "GT", "HN", "SV"');
    expect(data).toEqual(copy);
  });

  it('names missing required fields by their own path', () => {
    const r = createFormValidator(screeningForm())({ victim: {} });
    expect(!r.ok && r.errors.map((e) => [e.path, e.keyword, e.message])).toEqual([
      ['/isMinor', 'required', 'is required'],
      ['/victim/name', 'required', 'is required'],
    ]);
  });

  it('never writes defaults into the data', () => {
    const form = screeningForm();
    form.schema.properties!.notes!.default = 'none';
    const data = { isMinor: false, victim: { name: 'Ana' } };
    expect(createFormValidator(form)(data).ok).toBe(true);
    expect(data).toEqual({ isMinor: false, victim: { name: 'Ana' } });
  });

  it('accepts fields shown only under a condition, and applies the condition', () => {
    const validate = createFormValidator(decisionForm());
    expect(validate({ decision: 'stay', reason: 'family here' })).toEqual({ ok: true });
    expect(validate({ decision: 'return' })).toEqual({ ok: true });
    const r = validate({ decision: 'stay' });
    expect(!r.ok && r.errors).toEqual([
      { path: '/reason', keyword: 'required', message: 'is required', label: t('Motivo', 'Reason') },
    ]);
    const long = validate({ decision: 'return', reason: 'x'.repeat(2001) });
    expect(!long.ok && long.errors.map((e) => e.keyword)).toEqual(['maxLength']);
  });

  it('refuses prototype keys and absurd nesting before validating', () => {
    const validate = createFormValidator(screeningForm());
    expect(validate(JSON.parse('{"isMinor": true, "victim": {"name": "a", "__proto__": {"x": 1}}}'))).toEqual(
      {
        ok: false,
        errors: [
          {
            path: '/victim/__proto__',
            keyword: 'forbiddenKey',
            message: 'the key "__proto__" is not allowed',
          },
        ],
      },
    );
    let deep: unknown = {};
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(validate(deep)).toMatchObject({ ok: false, errors: [{ keyword: 'maxDepth' }] });
    expect(validate(undefined)).toMatchObject({ ok: false, errors: [{ path: '', keyword: 'type' }] });
  });

  it('compiles once per form, and apart for changed copies with the same id and version', () => {
    expect(createFormValidator(screeningForm())).toBe(createFormValidator(screeningForm()));
    const changed = screeningForm();
    changed.schema.properties!.victim!.properties!.age!.maximum = 17;
    expect(createFormValidator(changed)).not.toBe(createFormValidator(screeningForm()));
    expect(createFormValidator(changed)({ ...valid(), victim: { name: 'A', age: 30 } }).ok).toBe(false);
    expect(createFormValidator(screeningForm())({ ...valid(), victim: { name: 'A', age: 30 } }).ok).toBe(
      true,
    );
  });

  it('says a form it cannot compile cannot be used, instead of throwing', () => {
    const form: FormDefinition = {
      ...screeningForm(),
      id: 'odd',
      schema: {
        type: 'object',
        properties: { a: { type: 'string', format: 'no-such-format', 'x-label': t('A') } },
      },
    };
    const r = createFormValidator(form)({ a: 'x' });
    expect(r).toMatchObject({
      ok: false,
      errors: [{ keyword: 'schema', message: expect.stringContaining('"odd"') }],
    });
  });
  it('decides the same with the JSON text at hand (its quick pass) as without, whatever the characters', () => {
    // Lengths count characters: "😀" is one, though JavaScript counts two UTF-16 units in it.
    const form: FormDefinition = {
      kind: 'form',
      id: 'lengths',
      version: 1,
      title: t('Longitudes', 'Lengths'),
      schema: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 2, maxLength: 4, 'x-label': t('Nombre', 'Name') },
          tags: {
            type: 'array',
            items: { type: 'string', maxLength: 3 },
            maxItems: 2,
            'x-label': t('Etiquetas', 'Tags'),
          },
          age: { type: 'integer', minimum: 0, 'x-label': t('Edad', 'Age') },
        },
      },
    };
    const validate = createFormValidator(form);
    expect(validate({ name: '😀😀😀😀' }, { text: JSON.stringify({ name: '😀😀😀😀' }) })).toEqual({
      ok: true,
    });
    expect(validate({ name: '😀' }, { text: JSON.stringify({ name: '😀' }) })).toMatchObject({ ok: false });
    const text = fc.string({ unit: 'binary', maxLength: 6 });
    const submission = fc.record(
      { name: text, tags: fc.array(text, { maxLength: 3 }), age: fc.integer({ min: -2, max: 2 }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(submission, (data) => {
        expect(validate(data, { text: JSON.stringify(data) })).toEqual(validate(data));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(formAndData, ([random, data]) => {
        const v = createFormValidator(random);
        expect(v(data, { text: JSON.stringify(data) })).toEqual(v(data));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly what a full, character-counting validation accepts, with or without the text at hand', () => {
    // The quick pass counts UTF-16 units; without a minLength above 1 it is trusted on any text.
    const field = (minLength: number | undefined) => ({
      type: 'string' as const,
      ...(minLength === undefined ? {} : { minLength }),
      maxLength: 3,
      'x-label': t('Nombre', 'Name'),
    });
    const formWith = (minLength: number | undefined): FormDefinition => ({
      kind: 'form',
      id: `lengths-${String(minLength)}`,
      version: 1,
      title: t('Longitudes', 'Lengths'),
      schema: { type: 'object', required: ['name'], properties: { name: field(minLength) } },
    });
    const text = fc.string({ unit: 'binary', maxLength: 5 });
    for (const minLength of [undefined, 0, 1, 2]) {
      const form = formWith(minLength);
      const full = formAjv().compile(normalizeFormSchema(form.schema));
      const validate = createFormValidator(form);
      fc.assert(
        fc.property(text, (name) => {
          const data = { name };
          const expected = full(data);
          expect(validate(data).ok).toBe(expected);
          expect(validate(data, { text: JSON.stringify(data) }).ok).toBe(expected);
        }),
        { numRuns: 400 },
      );
    }
    // Three characters, six UTF-16 units: within a maxLength of 3; one character is under a minLength of 2.
    expect(createFormValidator(formWith(1))({ name: '😀😀😀' })).toEqual({ ok: true });
    expect(createFormValidator(formWith(2))({ name: '😀' })).toMatchObject({ ok: false });
  });
});
