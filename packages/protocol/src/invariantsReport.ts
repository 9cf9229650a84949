import { checkInvariant, type InvariantProblem } from './checkInvariants.js';
import type { StateSpace } from './exploreStateSpace.js';
import type { Invariant, ResolvedProtocol, Text } from './types.js';
import { listOf } from './verifyListOf.js';

export interface InvariantStatus {
  id: string;
  kind: Invariant['kind'];
  description: Text;
  ok: boolean;
  problems: InvariantProblem[];
}

/**
 * Each invariant in force with whether it holds, for the designer's checklist.
 *
 * @example
 *   invariantReport(protocol, exploreStateSpace(protocol)).filter((i) => !i.ok)
 */
export function invariantReport(protocol: ResolvedProtocol, space: StateSpace): InvariantStatus[] {
  return listOf(protocol.invariantsInForce).map((invariant) => {
    const problems = checkInvariant(protocol, space, invariant);
    return {
      id: invariant?.id,
      kind: invariant?.kind,
      description: invariant?.description,
      ok: problems.every((p) => p.severity === 'warning'),
      problems,
    };
  });
}
