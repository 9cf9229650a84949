// Deadlines read the way a worker says them: "Quedan 4 horas 30 minutos", "Overdue by 3 hours".
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../src/format/formatDuration.js';
import { SOON_MS, timeLeft } from '../src/format/timeLeft.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const at = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();

describe('time left', () => {
  it('says overdue once the due time has passed, and by how long', () => {
    expect(timeLeft(at(-3), NOW)).toEqual({ overdue: true, ms: 3 * 3_600_000, urgency: 'overdue' });
  });

  it('warns when less than six hours are left, not before', () => {
    expect(timeLeft(at(5.9), NOW)?.urgency).toBe('soon');
    expect(timeLeft(new Date(NOW + SOON_MS + 60_000).toISOString(), NOW)?.urgency).toBe('ok');
  });

  it('refuses a date it cannot read rather than inventing one', () => {
    expect(timeLeft('not a date', NOW)).toBeNull();
  });

  it('says the time in words of the language, at most two units', () => {
    expect(formatDuration(4.5 * 3_600_000, 'es')).toBe('4 horas 30 minutos');
    expect(formatDuration(4.5 * 3_600_000, 'en')).toBe('4 hours 30 minutes');
    expect(formatDuration((6 * 24 + 2) * 3_600_000 + 17 * 60_000, 'es')).toBe('6 días 2 horas');
    expect(formatDuration(1 * 3_600_000, 'en')).toBe('1 hour');
    expect(formatDuration(20_000, 'en')).toBe('0 minutes');
  });
});
