import type { Invariant, ResolvedProtocol } from './types.js';
import { listOf } from './verifyListOf.js';

/**
 * Where an invariant in force is written: the protocol's own invariants, its list of shared
 * invariant ids, or (for the regional invariants of its population) workflows/invariants.json.
 */
export function invariantsLocation(
  protocol: ResolvedProtocol,
  invariant: Invariant,
): { pointer: string; source: string } {
  const own = listOf(protocol.ownInvariants).findIndex((i) => i?.id === invariant?.id);
  if (own >= 0) return { pointer: `/ownInvariants/${own}`, source: 'this protocol' };
  const listed = listOf(protocol.invariants).indexOf(invariant?.id);
  if (listed >= 0) return { pointer: `/invariants/${listed}`, source: 'workflows/invariants.json' };
  const inForce = listOf(protocol.invariantsInForce).findIndex((i) => i?.id === invariant?.id);
  return {
    pointer: `/invariantsInForce/${Math.max(inForce, 0)}`,
    source: `workflows/invariants.json, population "${protocol.population}"`,
  };
}
