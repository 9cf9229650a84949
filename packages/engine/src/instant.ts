/**
 * ISO 8601 instants without reading the system clock: the engine only ever adds a duration to
 * a time the injected clock gave it.
 */

/** Milliseconds since the epoch of an ISO 8601 instant, or null when the text is not one. */
export function parseInstant(iso: string): number | null {
  if (typeof iso !== 'string') return null;
  const fast = parseUtcMillis(iso);
  if (fast !== null) return fast;
  // An instant needs a date, a time and an offset; Date.parse alone would also accept "2024".
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The instant of text written exactly as Date#toISOString writes it ("2025-01-31T09:00:00.000Z",
 * what clocks give), read digit by digit: the same milliseconds Date.parse gives, several times
 * faster. null for anything else, which the general path then reads.
 */
function parseUtcMillis(iso: string): number | null {
  if (iso.length !== 24 || iso.charCodeAt(23) !== 90 /* Z */) return null;
  const year = digits(iso, 0, 4);
  const month = iso.charCodeAt(4) === 45 ? digits(iso, 5, 2) : -1;
  const day = iso.charCodeAt(7) === 45 ? digits(iso, 8, 2) : -1;
  const hour = iso.charCodeAt(10) === 84 /* T */ ? digits(iso, 11, 2) : -1;
  const minute = iso.charCodeAt(13) === 58 ? digits(iso, 14, 2) : -1;
  const second = iso.charCodeAt(16) === 58 ? digits(iso, 17, 2) : -1;
  const ms = iso.charCodeAt(19) === 46 ? digits(iso, 20, 3) : -1;
  // Date.UTC reads years 0-99 as 1900-1999, and Date.parse takes day 31 of any month (rolling
  // over) but no month 0 or 13, day 0, hour 24 with minutes, second 60: leave all the odd cases
  // to Date.parse itself.
  if (
    year < 100 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    ms < 0
  ) {
    return null;
  }
  return (
    daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms
  );
}

/**
 * Days from 1970-01-01 to a civil date (H. Hinnant's days_from_civil, the inverse of the
 * conversion in formatInstant): what Date.UTC computes, a day past a month's end rolling over
 * the same way, in plain arithmetic.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The number written by `count` decimal digits at `from`, or -1. */
function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The UTC ISO 8601 text (as Date#toISOString writes it) of milliseconds since the epoch. */
export function formatInstant(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const hh = Math.floor(rest / 3_600_000);
  rest -= hh * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const ss = Math.floor(rest / 1000);
  const mss = rest - ss * 1000;
  // Civil date from days since 1970-01-01 (H. Hinnant, "chrono-compatible low-level date algorithms").
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${pad(hh, 2)}:${pad(mi, 2)}:${pad(ss, 2)}.${pad(mss, 3)}Z`;
}

/** `iso` plus `ms` milliseconds, as a UTC instant. */
export function addMilliseconds(iso: string, ms: number): string {
  const base = parseInstant(iso);
  if (base === null)
    throw new TypeError(`"${iso}" is not an ISO 8601 instant such as 2025-01-31T09:00:00.000Z`);
  return formatInstant(base + ms);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
