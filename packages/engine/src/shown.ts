/**
 * A value as it may appear in a message: strings as they are, anything else as JSON. Never
 * throws, whatever the value (an object whose toString is not a function, a cycle, a bigint):
 * messages about bad input must not fail on the bad input.
 */
export function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    const text = JSON.stringify(value);
    if (text !== undefined) return text;
  } catch {
    // Not JSON: described by its type below.
  }
  return `a ${typeof value}`;
}
