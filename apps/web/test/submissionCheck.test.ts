// The browser names a submission's problems exactly as the server's validator would: for every
// shipped form, generated submissions (the form's own examples with answers removed, replaced,
// mistyped, oversized or added) get the same verdict and the same (field, keyword) problems from
// the browser's eval-free check as from @ruta/protocol's createFormValidator (Ajv).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFormValidator, type FieldSchema, type FormDefinition } from '@ruta/protocol';
import { submissionCheck } from '../src/forms/validateSubmission.js';
import { REPO_ROOT } from './helpers/paths.js';

function formFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? formFiles(path.join(dir, d.name))
      : d.name.endsWith('.json')
        ? [path.join(dir, d.name)]
        : [],
  );
}
const forms = formFiles(path.join(REPO_ROOT, 'forms')).map(
  (f) => JSON.parse(readFileSync(f, 'utf8')) as FormDefinition,
);

/** Answers a field could get, right or wrong. */
function answer(field: FieldSchema | undefined): fc.Arbitrary<unknown> {
  const any = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -5, max: 40 }),
    fc.string({ maxLength: 4 }),
  );
  const right: fc.Arbitrary<unknown>[] = [];
  if (field?.enum) right.push(fc.constantFrom(...field.enum));
  if (field?.type === 'boolean') right.push(fc.boolean());
  if (field?.type === 'integer' || field?.type === 'number') right.push(fc.integer({ min: -3, max: 200 }));
  if (field?.type === 'string') {
    right.push(fc.string({ minLength: 0, maxLength: 12 }), fc.constant('x'.repeat(2001)));
    if (field.format === 'date')
      right.push(fc.constantFrom('2026-02-29', '2024-02-29', '2026-13-01', '2026-03-10', '10/03/2026'));
    if (field.format === 'date-time') {
      right.push(
        fc.constantFrom(
          '2026-03-10T15:00:00.000Z',
          '2026-03-10T15:00',
          '2026-03-10 15:00:00+02:00',
          '2026-03-10T25:00:00Z',
        ),
      );
    }
  }
  if (field?.type === 'array') {
    const items = field.items?.enum;
    right.push(
      items ? fc.array(fc.constantFrom(...items), { maxLength: 4 }) : fc.array(any, { maxLength: 3 }),
    );
  }
  return fc.oneof(...right, any);
}

function submissions(form: FormDefinition): fc.Arbitrary<Record<string, unknown>> {
  const props = form.schema.properties ?? {};
  const keys = Object.keys(props);
  const examples = form.examples?.length ? form.examples : [{}];
  return fc
    .tuple(
      fc.constantFrom(...examples),
      fc.subarray(keys),
      fc.array(
        fc.constantFrom(...keys).chain((k) => answer(props[k]).map((v) => [k, v] as const)),
        { maxLength: 3 },
      ),
      fc.option(fc.constantFrom('extraField', 'notes2'), { nil: undefined }),
    )
    .map(([example, removed, changed, extra]) => {
      const data: Record<string, unknown> = structuredClone(example);
      for (const k of removed) delete data[k];
      for (const [k, v] of changed) if (v !== undefined) data[k] = v;
      if (extra) data[extra] = 'x';
      return data;
    });
}

const problems = (r: ReturnType<ReturnType<typeof submissionCheck>>) =>
  r.ok
    ? []
    : [...new Set(r.errors.filter((e) => e.keyword !== 'anyOf').map((e) => `${e.path} ${e.keyword}`))].sort();

describe('the browser checks a submission as the server does', () => {
  it('covers the shipped forms', () => {
    expect(forms.length).toBeGreaterThan(10);
  });

  it('accepts every example the forms ship', () => {
    for (const form of forms) {
      for (const example of form.examples ?? [])
        expect(submissionCheck(form)(example), form.id).toEqual({ ok: true });
    }
  });

  it('gives the server’s verdict and problems for generated submissions of every form', () => {
    for (const form of forms) {
      const browser = submissionCheck(form);
      const server = createFormValidator(form);
      fc.assert(
        fc.property(submissions(form), (data) => {
          const b = browser(data);
          const s = server(data);
          expect(b.ok, `${form.id} ${JSON.stringify(data).slice(0, 400)}`).toBe(s.ok);
          expect(problems(b), `${form.id} ${JSON.stringify(data).slice(0, 400)}`).toEqual(problems(s));
        }),
        { numRuns: 80 },
      );
    }
  });

  it('refuses prototype keys and absurd nesting before looking at the fields', () => {
    const form = forms[0]!;
    const proto = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    expect(submissionCheck(form)(proto)).toMatchObject({ ok: false, errors: [{ keyword: 'forbiddenKey' }] });
    let deep: unknown = 'x';
    for (let i = 0; i < 70; i++) deep = { a: deep };
    expect(submissionCheck(form)(deep)).toMatchObject({ ok: false, errors: [{ keyword: 'maxDepth' }] });
  });
});
