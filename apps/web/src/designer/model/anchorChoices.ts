/**
 * The fields a deadline's "counts from" list offers: those that qualify, and the one chosen
 * before if it no longer does (so the choice shows; the verifier says what is wrong with it).
 */
export function anchorChoices(fields: readonly string[], chosen: string | undefined): string[] {
  return chosen === undefined || fields.includes(chosen) ? [...fields] : [...fields, chosen];
}
