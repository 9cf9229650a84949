import { ApiError } from '../api/ApiError.js';

/**
 * The message key for a login that failed, the same on the login page and in the dialog that
 * logs in again after the session ended: a disabled account, a wrong name or password, too
 * many attempts, else the network.
 */
export function loginFailureKey(err: unknown): string {
  if (err instanceof ApiError && err.code === 'account-disabled') return 'login.disabled';
  if (err instanceof ApiError && err.status === 401) return 'login.wrong';
  if (err instanceof ApiError && err.status === 429) return 'login.tooMany';
  return 'errors.network';
}
