import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectShareable, shareablePaths, type FieldSchema } from '../src/index.js';
import { formAndData } from './formArbitraries.js';
import { decisionForm, screeningForm } from './protocolFixture.js';

/**
 * Checks an output against the schema and the data it came from, without the library's field
 * tree: every value present is declared, is in the data at the same place, and lies under a
 * field marked x-shareable: true with no x-shareable: false on the way down. `null` is allowed
 * anywhere it carries nothing (a placeholder for a list item with nothing shareable), and so is {}.
 */
function assertOnlyShareable(
  out: unknown,
  schema: FieldSchema,
  data: unknown,
  inherited: boolean,
  path: string,
): void {
  const mark = schema['x-shareable'];
  const shared = mark === false ? false : inherited || mark === true;
  if (out === null) return;
  if (Array.isArray(out)) {
    expect(Array.isArray(data), `${path} is a list in the data`).toBe(true);
    expect(schema.items, `${path} is a declared list`).toBeDefined();
    expect(out.length).toBe((data as unknown[]).length);
    out.forEach((item, i) =>
      assertOnlyShareable(item, schema.items!, (data as unknown[])[i], shared, `${path}/${i}`),
    );
    return;
  }
  if (typeof out === 'object') {
    if (Object.keys(out).length === 0) return; // carries nothing
    expect(
      typeof data === 'object' && data !== null && !Array.isArray(data),
      `${path} is an object in the data`,
    ).toBe(true);
    for (const [key, value] of Object.entries(out as Record<string, unknown>)) {
      const field = schema.properties?.[key];
      expect(field, `${path}/${key} is declared`).toBeDefined();
      expect(Object.hasOwn(data as object, key), `${path}/${key} is in the data`).toBe(true);
      assertOnlyShareable(value, field!, (data as Record<string, unknown>)[key], shared, `${path}/${key}`);
    }
    return;
  }
  expect(shared, `${path} is shareable`).toBe(true);
  expect(out, `${path} is the value in the data`).toBe(data);
}

describe('projectShareable', () => {
  it('keeps only the shareable fields of a submission', () => {
    const data = {
      isMinor: true,
      victim: { name: 'Ana', age: 14, nationality: 'HN', health: 'HIV+' },
      notes: 'seen at border',
    };
    expect(projectShareable(screeningForm(), data)).toEqual({
      isMinor: true,
      victim: { name: 'Ana', age: 14, nationality: 'HN' },
    });
    expect(shareablePaths(screeningForm())).toEqual([
      'isMinor',
      'victim.name',
      'victim.age',
      'victim.nationality',
    ]);
  });

  it('shares a whole marked section, except what is marked not shareable, and nothing undeclared', () => {
    const form = screeningForm();
    form.schema.properties!.victim!['x-shareable'] = true;
    form.schema.properties!.victim!.properties!.health!['x-shareable'] = false;
    const data = { victim: { name: 'Ana', health: 'HIV+', smuggled: 'x' }, notes: 'n' };
    expect(projectShareable(form, data)).toEqual({ victim: { name: 'Ana' } });
  });

  it('shares fields defined inside conditions', () => {
    const form = decisionForm();
    form.schema.then!.properties!.reason!['x-shareable'] = true;
    expect(projectShareable(form, { decision: 'stay', reason: 'family' })).toEqual({
      decision: 'stay',
      reason: 'family',
    });
    expect(projectShareable(decisionForm(), { decision: 'stay', reason: 'family' })).toEqual({
      decision: 'stay',
    });
  });

  it('never lets a value out that is not under a shareable field (property)', () => {
    fc.assert(
      fc.property(formAndData, ([form, data]) => {
        const out = projectShareable(form, data);
        assertOnlyShareable(out, form.schema, data, false, '');
      }),
      { numRuns: 400 },
    );
  });

  it('projecting what was projected changes nothing (property)', () => {
    fc.assert(
      fc.property(formAndData, ([form, data]) => {
        const out = projectShareable(form, data);
        // Projecting twice changes nothing: what came out is all shareable.
        expect(projectShareable(form, out)).toEqual(out);
      }),
      { numRuns: 200 },
    );
  });
});
