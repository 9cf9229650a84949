import type { Role } from '@ruta/protocol';

/** The pages a role can have as its first one. */
export type HomePage = 'worklist' | 'users' | 'designer';

/** Where each home page is. */
export const HOME_PATHS: Readonly<Record<HomePage, string>> = {
  worklist: '/',
  users: '/users',
  designer: '/designer',
};

/**
 * The page a role lands on after logging in, and is offered to go back to from a page that is
 * not there: an administrator's is the accounts they keep, a designer's the protocols (neither
 * sees cases); everyone else's, auditors included, the cases.
 *
 * @example HOME_PATHS[homePage('admin')] // → '/users'
 */
export function homePage(role: Role): HomePage {
  if (role === 'admin') return 'users';
  if (role === 'designer') return 'designer';
  return 'worklist';
}
