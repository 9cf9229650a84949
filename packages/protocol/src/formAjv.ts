import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/** The Ruta annotations a form schema carries beside JSON Schema keywords. */
export const FIELD_ANNOTATIONS = [
  'x-label',
  'x-help',
  'x-enumLabels',
  'x-sensitive',
  'x-shareable',
  'x-past',
  'x-protectionNeed',
] as const;

let instance: Ajv | undefined;
let quickInstance: Ajv | undefined;

/**
 * The one Ajv that validates form submissions, on the server and in the browser alike: every
 * error reported, no type coercion, no defaults written into the data.
 */
export function formAjv(): Ajv {
  instance ??= configure(
    new Ajv({
      allErrors: true,
      strict: true,
      strictTypes: false,
      // A condition may require a field its parent declares: that is the point of then: {required}.
      strictRequired: false,
      coerceTypes: false,
      useDefaults: false,
      removeAdditional: false,
      addUsedSchema: false,
    }),
  );
  return instance;
}

/**
 * The Ajv of the quick first pass over a submission (see createFormValidator): stops at the
 * first error, and measures text lengths in UTF-16 units rather than characters, which is the
 * same number for any text without a surrogate pair (and the caller checks that). Schemas reach
 * it only after formAjv has compiled them strictly, so it does not repeat the strict checks.
 */
export function quickFormAjv(): Ajv {
  quickInstance ??= configure(
    new Ajv({
      allErrors: false,
      strict: false,
      coerceTypes: false,
      useDefaults: false,
      removeAdditional: false,
      addUsedSchema: false,
      unicode: false,
      // Ajv warns that `unicode` is deprecated; it is the documented way to count UTF-16 units.
      logger: false,
    }),
  );
  return quickInstance;
}

function configure(ajv: Ajv): Ajv {
  addFormats(ajv);
  // Same verdicts and order as ajv-formats' "date", without a regular expression match (and
  // its allocations) for every date of every submission.
  ajv.addFormat('date', { type: 'string', validate: isFullDate, compare: compareFullDates });
  ajv.addVocabulary([...FIELD_ANNOTATIONS]);
  return ajv;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * An RFC 3339 full-date, as ajv-formats' "date" format (full mode) decides it: exactly four
 * ASCII digits, "-", two, "-", two, a month 1-12 and a day that month has (29 February only in
 * leap years).
 *
 * @example isFullDate('2024-02-29') // true; isFullDate('2025-02-29') // false
 */
function isFullDate(text: string): boolean {
  if (
    typeof text !== 'string' ||
    text.length !== 10 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45
  ) {
    return false;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]!);
}

/** Orders two full-dates (their text order is their time order); undefined when one is missing. */
function compareFullDates(a: string, b: string): number | undefined {
  if (!a || !b) return undefined;
  return a > b ? 1 : a < b ? -1 : 0;
}

/** The number written by `count` ASCII digits at `from`, or -1. */
function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
