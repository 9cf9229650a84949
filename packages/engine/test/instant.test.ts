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
    for (const bad of ['2025', '2025-03-01', '2025-03-01T08:00:00', 'yesterday', '2025-13-01T00:00:00Z'])
      expect(parseInstant(bad)).toBeNull();
  });

  it('reads what Date#toISOString writes exactly as Date.parse does, odd dates included (property)', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        two(14),
        two(33),
        two(25),
        two(61),
        two(61),
        fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0')),
      )
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
    fc.assert(
      fc.property(text, (iso) => {
        const expected = Date.parse(iso);
        expect(parseInstant(iso)).toBe(Number.isNaN(expected) ? null : expected);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -30_000_000_000_000, max: 250_000_000_000_000 }), (ms) => {
        const iso = new Date(ms).toISOString();
        if (iso.length === 24) expect(parseInstant(iso)).toBe(ms);
      }),
    );
  });

  it('adds hours across days, months and leap years', () => {
    expect(addMilliseconds('2024-02-28T23:00:00Z', 2 * 3_600_000)).toBe('2024-02-29T01:00:00.000Z');
    expect(addMilliseconds('2025-12-31T23:30:00-06:00', 3_600_000)).toBe('2026-01-01T06:30:00.000Z');
  });
});
