import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { createFormValidator, type FormDefinition } from '@ruta/protocol';

// Every step and every replayed event validates its form with @ruta/protocol's validator, whose
// "date" format is read digit by digit: it must decide exactly as ajv-formats' own.

const form: FormDefinition = {
  kind: 'form',
  id: 'dates',
  version: 1,
  title: { es: 'Fechas', en: 'Dates' },
  schema: { type: 'object', properties: { when: { type: 'string', format: 'date' } } },
};
const validate = createFormValidator(form);
const reference = fullFormats.date as { validate: (text: string) => boolean };

describe('date fields', () => {
  it('are accepted or refused exactly as ajv-formats decides (property)', () => {
    const digit = fc.constantFrom('0', '1', '2', '3', '9', '٣', 'a', '-', ' ');
    const dateLike = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      );
    const text = fc.oneof(
      dateLike,
      fc.array(digit, { maxLength: 11 }).map((cs) => cs.join('')),
      dateLike.map((d) => `${d}\n`),
      fc.string(),
    );
    fc.assert(
      fc.property(text, (when) => {
        expect(validate({ when }).ok).toBe(reference.validate(when));
      }),
      { numRuns: 5000 },
    );
  });

  it('know leap years', () => {
    expect(validate({ when: '2024-02-29' }).ok).toBe(true);
    expect(validate({ when: '2000-02-29' }).ok).toBe(true);
    expect(validate({ when: '1900-02-29' }).ok).toBe(false);
    expect(validate({ when: '2025-04-31' })).toEqual({
      ok: false,
      errors: [{ path: '/when', keyword: 'format', message: 'must match format "date"' }],
    });
  });
});
