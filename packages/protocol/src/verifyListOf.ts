/**
 * A list from a protocol that may not have passed the format check: the list itself, or an
 * empty one when it is missing or is not a list, so a check never stops on a malformed draft.
 */
export function listOf<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}
