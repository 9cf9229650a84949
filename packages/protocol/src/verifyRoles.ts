import { nearestName } from './nearestName.js';
import { transitionTexts } from './transitionTexts.js';
import { ROLES, type Problem } from './types.js';
import { listOf } from './verifyListOf.js';

/** Roles that Ruta does not know, each with its pointer. */
export function verifyRoles(
  roles: readonly string[] | undefined,
  location: { pointer: string; state: string },
): Problem[] {
  return listOf(roles)
    .map((role, index) => ({ role, index }))
    .filter(({ role }) => !ROLES.some((known) => known === role))
    .map(({ role, index }) => ({
      code: 'unknown-role',
      location: { ...location, pointer: `${location.pointer}/${index}` },
      ...transitionTexts.unknownRole(role, nearestName(String(role), ROLES)),
    }));
}
