import { invariantsLocation } from './invariantsLocation.js';
import { listStates } from './stateTree.js';
import type { Problem, ResolvedProtocol } from './types.js';

/**
 * Warnings for invariants that check nothing in this protocol because no state carries the tag
 * they are about: a misspelt tag would otherwise make a safeguard pass silently.
 */
export function verifyInvariantTags(protocol: ResolvedProtocol): Problem[] {
  const tags = new Set(listStates(protocol.machine).flatMap((s) => s.state.tags ?? []));
  const problems: Problem[] = [];
  for (const invariant of protocol.invariantsInForce ?? []) {
    const { pointer, source } = invariantsLocation(protocol, invariant);
    const tag = invariant.kind === 'mustPassBefore' ? invariant.target?.tag : invariant.until?.tag;
    if (tag === undefined || tags.has(tag)) continue;
    problems.push({
      code: 'invariant-checks-nothing',
      location: { pointer },
      severity: 'warning',
      message:
        invariant.kind === 'mustPassBefore'
          ? `Invariant "${invariant.id}" (${source}) is about steps tagged "${tag}", but no state of this protocol has that tag, so it checks nothing.`
          : `Invariant "${invariant.id}" (${source}) keeps "${invariant.event}" available until a step tagged "${tag}", but no state has that tag, so it must be available in every step.`,
      hint: `If the protocol has such a step, add "${tag}" to its "tags"; otherwise nothing needs to change.`,
    });
  }
  return problems;
}
