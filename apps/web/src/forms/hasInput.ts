/**
 * Whether a form's data holds anything the worker gave: a non-empty text, a number, a yes/no,
 * a choice in a list. rjsf's empty objects and lists for sections not yet touched do not count.
 *
 * @example hasInput({ place: '', flags: [] }) // false
 */
export function hasInput(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.some(hasInput);
  if (typeof value === 'object') return Object.values(value).some(hasInput);
  return false;
}
