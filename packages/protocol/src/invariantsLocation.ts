import type { Invariant, ResolvedProtocol, Text } from './types.js';
import { listOf } from './verifyListOf.js';

/**
 * Where an invariant in force is written: the protocol's own invariants, its list of shared
 * invariant ids, or (for the regional invariants of its population) workflows/invariants.json;
 * `source` says so in each language, for messages.
 */
export function invariantsLocation(
  protocol: ResolvedProtocol,
  invariant: Invariant,
): { pointer: string; source: Text } {
  const own = listOf(protocol.ownInvariants).findIndex((i) => i?.id === invariant?.id);
  if (own >= 0)
    return { pointer: `/ownInvariants/${own}`, source: { en: 'this protocol', es: 'este protocolo' } };
  const listed = listOf(protocol.invariants).indexOf(invariant?.id);
  if (listed >= 0) {
    const file = 'workflows/invariants.json';
    return { pointer: `/invariants/${listed}`, source: { en: file, es: file } };
  }
  const inForce = listOf(protocol.invariantsInForce).findIndex((i) => i?.id === invariant?.id);
  return {
    pointer: `/invariantsInForce/${Math.max(inForce, 0)}`,
    source: {
      en: `workflows/invariants.json, population "${protocol.population}"`,
      es: `workflows/invariants.json, población «${protocol.population}»`,
    },
  };
}
