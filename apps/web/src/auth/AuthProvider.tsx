import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/api.js';
import type { User } from '../api/types.js';
import { ApiError } from '../api/ApiError.js';
import { SESSION_ENDED } from '../api/request.js';
import { clearExitFlag } from '../quickexit/quickExit.js';
import { AuthContext, type AuthState, type AuthValue } from './AuthContext.js';

/** Asks the server who is logged in (the session is an httpOnly cookie) and keeps the answer. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

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
    const ended = () => setState({ status: 'anonymous' });
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

  const value = useMemo<AuthValue>(
    () => ({ state, login, logout, signedInAs }),
    [state, login, logout, signedInAs],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
