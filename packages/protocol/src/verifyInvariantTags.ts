import { invariantTexts } from './invariantTexts.js';
import { invariantsLocation } from './invariantsLocation.js';
import { listStates } from './stateTree.js';
import type { Problem, ResolvedProtocol } from './types.js';
import { listOf } from './verifyListOf.js';

/**
 * Warnings for mustPassBefore invariants that check nothing in this protocol because no state
 * carries the tag they protect: a misspelt tag would otherwise make a safeguard pass silently.
 */
export function verifyInvariantTags(protocol: ResolvedProtocol): Problem[] {
  const tags = new Set(listStates(protocol.machine).flatMap((s) => listOf(s.state.tags)));
  const problems: Problem[] = [];
  for (const invariant of listOf(protocol.invariantsInForce)) {
    const { pointer, source } = invariantsLocation(protocol, invariant);
    // An availableUntil whose `until` no state carries is stricter, not weaker: no warning.
    if (invariant?.kind !== 'mustPassBefore') continue;
    const tag = invariant.target?.tag;
    if (tag === undefined || tags.has(tag)) continue;
    problems.push({
      code: 'invariant-checks-nothing',
      location: { pointer },
      severity: 'warning',
      ...invariantTexts.invariantChecksNothing(invariant.id, source, tag),
    });
  }
  return problems;
}
