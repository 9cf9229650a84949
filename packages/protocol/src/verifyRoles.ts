import { didYouMean } from './verifyDidYouMean.js';
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
      message: `Role "${role}" is not a role of Ruta.`,
      hint: `Use one of: ${ROLES.join(', ')}.${didYouMean(role, ROLES)}`,
    }));
}
