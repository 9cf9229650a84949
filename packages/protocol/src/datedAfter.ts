/** How far ahead of the recording a date-time may be (clocks of two machines differ a little). */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** The latest UTC offset in use: a date typed where the day has begun may be UTC's next day. */
export const LATEST_OFFSET_MS = 14 * 3_600_000;

/**
 * Whether the value of an x-past field (the date of a detection, a visit, a decision) is later than
 * `atMs`, when the step recording it is recorded: a date after the calendar day anywhere on Earth
 * at that instant, a date-time more than a few minutes after it. The server refuses such a step;
 * the browser says so before sending it, by the same rule.
 *
 * @example datedAfter('date', '2027-03-01', Date.parse('2026-12-07T12:00:00Z')) // true
 */
export function datedAfter(format: 'date' | 'date-time', value: string, atMs: number): boolean {
  if (format === 'date') return value > new Date(atMs + LATEST_OFFSET_MS).toISOString().slice(0, 10);
  return Date.parse(value) > atMs + CLOCK_SKEW_MS;
}
