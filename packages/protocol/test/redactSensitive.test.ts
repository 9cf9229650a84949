import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESERVED, redactSensitive, sensitivePaths, type FieldSchema } from '../src/index.js';
import { formAndData } from './formArbitraries.js';
import { decisionForm, screeningForm } from './protocolFixture.js';

/** Every value of the output is either reserved, or declared, not under a sensitive field, and as in the data. */
function assertNothingSensitive(
  out: unknown,
  schema: FieldSchema | undefined,
  data: unknown,
  path: string,
): void {
  if (out === RESERVED) return;
  expect(schema, `${path} is declared`).toBeDefined();
  expect(schema!['x-sensitive'], `${path} is not sensitive`).not.toBe(true);
  if (Array.isArray(out)) {
    out.forEach((item, i) =>
      assertNothingSensitive(item, schema!.items, (data as unknown[])[i], `${path}/${i}`),
    );
  } else if (typeof out === 'object' && out !== null) {
    for (const [k, v] of Object.entries(out)) {
      assertNothingSensitive(
        v,
        schema!.properties?.[k],
        (data as Record<string, unknown>)[k],
        `${path}/${k}`,
      );
    }
  } else {
    expect(out).toBe(data);
  }
}

describe('redactSensitive', () => {
  it('replaces sensitive values and keeps the rest', () => {
    const data = { isMinor: true, victim: { name: 'Ana', age: 14, health: 'HIV+' }, notes: 'n' };
    expect(redactSensitive(screeningForm(), data)).toEqual({
      isMinor: true,
      victim: { name: RESERVED, age: 14, health: RESERVED },
      notes: 'n',
    });
    expect(data.victim.name).toBe('Ana');
    expect(sensitivePaths(screeningForm())).toEqual(['victim.name', 'victim.health']);
  });

  it('reserves values the form does not declare, such as a field a later version removed', () => {
    expect(
      redactSensitive(screeningForm(), {
        isMinor: false,
        oldField: 'x',
        victim: { name: 'A', religion: 'y' },
      }),
    ).toEqual({
      isMinor: false,
      oldField: RESERVED,
      victim: { name: RESERVED, religion: RESERVED },
    });
  });

  it('reserves sensitive fields defined inside conditions', () => {
    const form = decisionForm();
    form.schema.then!.properties!.reason!['x-sensitive'] = true;
    expect(redactSensitive(form, { decision: 'stay', reason: 'threats from family' })).toEqual({
      decision: 'stay',
      reason: RESERVED,
    });
    expect(sensitivePaths(form)).toEqual(['reason']);
  });

  it('never shows a sensitive or undeclared value (property)', () => {
    fc.assert(
      fc.property(formAndData, ([form, data]) => {
        assertNothingSensitive(redactSensitive(form, data), form.schema, data, '');
      }),
      { numRuns: 400 },
    );
  });
});
