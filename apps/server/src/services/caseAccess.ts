import type { Role } from '@ruta/protocol';
import type { CaseDoc } from '../db/schemas/caseSchema.js';
import type { SessionUser } from './authService.js';

/** Roles that work with cases (read them, step them, hand them over). */
export const CASE_ROLES: readonly Role[] = ['caseworker', 'supervisor', 'focalpoint', 'auditor'];
/** Roles that may send events to a case (the protocol then says which of them per state). */
export const STEP_ROLES: readonly Role[] = ['caseworker', 'supervisor', 'focalpoint'];
export const OPEN_ROLES: readonly Role[] = ['caseworker', 'supervisor'];
export const REVEAL_ROLES: readonly Role[] = ['caseworker', 'supervisor', 'focalpoint', 'auditor'];
export const AUDIT_ROLES: readonly Role[] = ['auditor', 'supervisor'];

/**
 * Whether the user may know this case exists: it is run by the user's country, or the user is
 * regional. A case handed over to another country is seen there through its linked case, which
 * carries only the shareable fields; the original stays with its country.
 */
export function canSeeCase(user: SessionUser, doc: Pick<CaseDoc, 'country'>): boolean {
  return user.country === 'REGIONAL' || user.country === doc.country;
}

/** The countries whose cases a user's lists cover (null: every country). */
export function visibleCountries(user: SessionUser): string[] | null {
  return user.country === 'REGIONAL' ? null : [user.country];
}
