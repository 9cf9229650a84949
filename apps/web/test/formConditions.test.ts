// The fields a form shows on a condition appear exactly when Ajv (the server's validator) says
// the condition holds: schemaHolds, which renders them without compiling code, agrees with Ajv
// on every `if` of every shipped form, for generated answers.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaHolds } from '../src/forms/schemaHolds.js';
import { REPO_ROOT } from './helpers/paths.js';

type Schema = Record<string, unknown>;

function formFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? formFiles(path.join(dir, d.name))
      : d.name.endsWith('.json')
        ? [path.join(dir, d.name)]
        : [],
  );
}

/** Every `if` of a schema, with the object schema it sits on (whose properties feed the data). */
function conditions(
  schema: Schema,
  out: { cond: Schema; host: Schema }[] = [],
): { cond: Schema; host: Schema }[] {
  const visit = (s: unknown, host: Schema) => {
    if (typeof s !== 'object' || s === null) return;
    const node = s as Schema;
    if (node.if) out.push({ cond: node.if as Schema, host });
    for (const key of ['then', 'else']) visit(node[key], host);
    for (const sub of (node.allOf as unknown[]) ?? []) visit(sub, host);
    for (const child of Object.values((node.properties as Record<string, unknown>) ?? {}))
      visit(child, child as Schema);
    if (node.items) visit(node.items, node.items as Schema);
  };
  visit(schema, schema);
  return out;
}

/** Values a field could hold: its enum values, booleans, numbers around bounds, lists of choices. */
function valueFor(field: Schema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [fc.constant(undefined)];
  if (Array.isArray(field.enum)) options.push(fc.constantFrom(...(field.enum as unknown[])));
  if (field.type === 'boolean') options.push(fc.boolean());
  if (field.type === 'integer' || field.type === 'number') options.push(fc.integer({ min: -2, max: 30 }));
  if (field.type === 'string') options.push(fc.string({ maxLength: 3 }));
  const items = field.items as Schema | undefined;
  if (field.type === 'array' && items && Array.isArray(items.enum)) {
    options.push(fc.uniqueArray(fc.constantFrom(...(items.enum as unknown[])), { maxLength: 4 }));
  }
  return fc.oneof(...options);
}

describe('conditional fields', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const files = formFiles(path.join(REPO_ROOT, 'forms'));

  it('finds the shipped forms and their conditions', () => {
    const count = files.reduce(
      (n, f) => n + conditions(JSON.parse(readFileSync(f, 'utf8')).schema).length,
      0,
    );
    expect(files.length).toBeGreaterThan(10);
    expect(count).toBeGreaterThan(10);
  });

  it('shows a conditional field exactly when Ajv says its condition holds', () => {
    for (const file of files) {
      const form = JSON.parse(readFileSync(file, 'utf8')) as { id: string; schema: Schema };
      for (const { cond, host } of conditions(form.schema)) {
        const props = (host.properties as Record<string, Schema>) ?? {};
        const record = fc.record(
          Object.fromEntries(Object.entries(props).map(([k, f]) => [k, valueFor(f)])),
          {
            requiredKeys: [],
          },
        );
        const check = ajv.compile(cond);
        fc.assert(
          fc.property(record, (raw) => {
            const data = JSON.parse(JSON.stringify(raw)) as unknown;
            expect(
              schemaHolds(cond, data),
              `${form.id}: ${JSON.stringify(cond)} on ${JSON.stringify(data)}`,
            ).toBe(check(data));
          }),
          { numRuns: 60 },
        );
      }
    }
  });

  it('reads the keywords conditions use', () => {
    expect(schemaHolds({ properties: { d: { const: 'stay' } }, required: ['d'] }, { d: 'stay' })).toBe(true);
    expect(schemaHolds({ properties: { d: { const: 'stay' } }, required: ['d'] }, {})).toBe(false);
    expect(schemaHolds({ properties: { d: { enum: ['a', 'b'] } } }, { d: 'c' })).toBe(false);
    expect(schemaHolds({ properties: { n: { minimum: 18 } } }, { n: 17 })).toBe(false);
    expect(schemaHolds({ properties: { l: { minItems: 1 } } }, { l: [] })).toBe(false);
    expect(schemaHolds({ not: { required: ['x'] } }, { x: 1 })).toBe(false);
    expect(schemaHolds({ anyOf: [{ required: ['a'] }, { required: ['b'] }] }, { b: 1 })).toBe(true);
  });
});
