import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMilliseconds, formatInstant, parseInstant } from '../src/instant.js';

describe('instants', () => {
  it('formats milliseconds as Date#toISOString does (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000_000_000_000, max: 250_000_000_000_000 }), (ms) => {
        expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('reads only full instants with an offset', () => {
    expect(parseInstant('2025-03-01T08:00:00Z')).toBe(Date.UTC(2025, 2, 1, 8));
    expect(parseInstant('2025-03-01T08:00:00.500-06:00')).toBe(Date.UTC(2025, 2, 1, 14, 0, 0, 500));
    for (const bad of ['2025', '2025-03-01', '2025-03-01T08:00:00', 'yesterday', '2025-13-01T00:00:00Z']) expect(parseInstant(bad)).toBeNull();
  });

  it('adds hours across days, months and leap years', () => {
    expect(addMilliseconds('2024-02-28T23:00:00Z', 2 * 3_600_000)).toBe('2024-02-29T01:00:00.000Z');
    expect(addMilliseconds('2025-12-31T23:30:00-06:00', 3_600_000)).toBe('2026-01-01T06:30:00.000Z');
  });
});
