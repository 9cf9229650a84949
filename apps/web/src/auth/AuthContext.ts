import { createContext, useContext } from 'react';
import type { User } from '../api/types.js';

/**
 * `ended`: the server said the session is over while a page held unsaved work (holdPage): the
 * page stays, under a dialog to log in again as the same user.
 */
export type AuthState =
  { status: 'loading' } | { status: 'anonymous' } | { status: 'authenticated'; user: User; ended?: boolean };

export interface AuthValue {
  state: AuthState;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** The session is now this user's (a new one, after choosing a password). */
  signedInAs: (user: User) => void;
  /**
   * While held, a session that ends keeps the page (and what was typed on it) and asks to log in
   * again, instead of going to the login page. Returns the release.
   *
   * @example useEffect(() => (unsaved ? holdPage() : undefined), [unsaved, holdPage]);
   */
  holdPage: () => () => void;
}

export const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() needs an <AuthProvider> above it.');
  return value;
}

/** The logged-in user; only for components rendered under <RequireAuth>. */
export function useUser(): User {
  const { state } = useAuth();
  if (state.status !== 'authenticated') throw new Error('useUser() is only for pages under <RequireAuth>.');
  return state.user;
}
