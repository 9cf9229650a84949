import { nearestName } from './nearestName.js';

/** ` Did you mean "x"?` for the candidate closest to a misspelt name, or "" — to end a hint with. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const near = nearestName(String(name), [...candidates]);
  return near === undefined ? '' : ` Did you mean "${near}"?`;
}
