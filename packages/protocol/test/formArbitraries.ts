// fast-check generators of random nested forms and of submissions that half follow them
// (declared keys, undeclared keys, wrong types), for the properties of the projections.
import fc from 'fast-check';
import type { FieldSchema, FormDefinition } from '../src/index.js';

const KEYS = ['a', 'b', 'c', 'd'];
const label = { es: 'x', en: 'x' };

const marks = fc.record(
  {
    'x-shareable': fc.constantFrom(true, false),
    'x-sensitive': fc.constant(true),
  },
  { requiredKeys: [] },
);

const { field } = fc.letrec<{
  field: FieldSchema;
  leaf: FieldSchema;
  object: FieldSchema;
  list: FieldSchema;
}>((tie) => ({
  field: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('object'), tie('list')),
  leaf: fc
    .tuple(fc.constantFrom<FieldSchema['type']>('string', 'integer', 'boolean'), marks)
    .map(([type, m]) => ({ type, 'x-label': label, ...m })),
  object: fc
    .tuple(fc.dictionary(fc.constantFrom(...KEYS), tie('field'), { maxKeys: 3 }), marks)
    .map(([properties, m]) => ({ type: 'object' as const, properties, 'x-label': label, ...m })),
  list: fc
    .tuple(tie('field'), marks)
    .map(([items, m]) => ({ type: 'array' as const, items, 'x-label': label, ...m })),
}));

/** A form whose fields nest objects and lists, each field perhaps marked shareable (true or false) or sensitive. */
export const formArb: fc.Arbitrary<FormDefinition> = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...KEYS), field, { minKeys: 1, maxKeys: 4 }),
    fc.option(fc.constant(true), { nil: undefined }),
  )
  .map(([properties, rootShareable]) => ({
    kind: 'form',
    id: 'random',
    version: 1,
    title: label,
    schema: { type: 'object', properties, ...(rootShareable ? { 'x-shareable': true } : {}) },
  }));

const anyJson = fc.jsonValue({ maxDepth: 2 });

/** A submission for a schema: mostly the declared shape, sometimes extra keys or values of the wrong type. */
export function dataFor(schema: FieldSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return anyJson;
  const wrong = fc.oneof(anyJson, fc.constant(null));
  let right: fc.Arbitrary<unknown>;
  if (schema.type === 'object') {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, sub] of Object.entries(schema.properties ?? {})) model[k] = dataFor(sub, depth + 1);
    right = fc
      .tuple(
        fc.record(model, { requiredKeys: [] }),
        fc.dictionary(fc.constantFrom('e', 'zz', 'a'), anyJson, { maxKeys: 2 }),
        fc.boolean(),
      )
      .map(([declared, extra, addExtra]) => (addExtra ? { ...extra, ...declared } : declared));
  } else if (schema.type === 'array') {
    right = fc.array(dataFor(schema.items ?? {}, depth + 1), { maxLength: 3 });
  } else if (schema.type === 'integer') {
    right = fc.integer();
  } else if (schema.type === 'boolean') {
    right = fc.boolean();
  } else {
    right = fc.string({ maxLength: 5 });
  }
  return fc.oneof({ weight: 6, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

/** A form and a submission for it. */
export const formAndData = formArb.chain((form) => fc.tuple(fc.constant(form), dataFor(form.schema)));
