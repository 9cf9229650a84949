import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../api/api.js';
import type { User } from '../api/types.js';
import { ApiError } from '../api/ApiError.js';
import { SESSION_ENDED } from '../api/request.js';
import { clearExitFlag } from '../quickexit/quickExit.js';
import { AuthContext, type AuthState, type AuthValue } from './AuthContext.js';
import { SessionEndedDialog } from './SessionEndedDialog.js';

/** Asks the server who is logged in (the session is an httpOnly cookie) and keeps the answer. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const holds = useRef(0);

  useEffect(() => {
    let live = true;
    api
      .me()
      .then(({ user }) => live && setState({ status: 'authenticated', user }))
      .catch((err: unknown) => {
        if (!live) return;
        // 401 is the ordinary "not logged in"; anything else also lands on the login page,
        // which shows the server's state when the user tries to log in.
        if (!(err instanceof ApiError) || err.status !== 401) console.warn('auth check failed', err);
        setState({ status: 'anonymous' });
      });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    // Unsaved work on the page (a step form half filled): keep it, and ask to log in again.
    const ended = () =>
      setState((s) =>
        s.status === 'authenticated' && holds.current > 0 ? { ...s, ended: true } : { status: 'anonymous' },
      );
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const { user } = await api.login(username, password);
    clearExitFlag();
    setState({ status: 'authenticated', user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setState({ status: 'anonymous' });
    }
  }, []);

  const signedInAs = useCallback((user: User) => setState({ status: 'authenticated', user }), []);

  const holdPage = useCallback(() => {
    holds.current += 1;
    let released = false;
    return () => {
      if (!released) holds.current -= 1;
      released = true;
    };
  }, []);

  const value = useMemo<AuthValue>(
    () => ({ state, login, logout, signedInAs, holdPage }),
    [state, login, logout, signedInAs, holdPage],
  );
  return (
    <AuthContext.Provider value={value}>
      {children}
      {state.status === 'authenticated' && state.ended ? <SessionEndedDialog user={state.user} /> : null}
    </AuthContext.Provider>
  );
}
