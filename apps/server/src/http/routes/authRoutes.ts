import type { z } from 'zod';
import { ChangePasswordBody, LoginBody, LoginResponse, MeResponse } from '../../api/authApi.js';
import { NoParams, NoQuery } from '../../api/common.js';
import { defineRoute } from '../route.js';

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Log in: sets the httpOnly session cookie and returns a bearer token',
    tag: 'auth',
    access: 'public',
    params: NoParams,
    query: NoQuery,
    body: LoginBody,
    loginRateLimit: true,
    responses: { 200: { description: 'Logged in', schema: LoginResponse } },
    errors: [429],
    handler: async ({ body, address }, s) => {
      const r = await s.auth.login(body.username, body.password, address);
      return { status: 200, body: r, session: { token: r.token, expiresAt: r.expiresAt } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Log out: ends the session',
    tag: 'auth',
    access: 'any',
    params: NoParams,
    query: NoQuery,
    responses: { 204: { description: 'Logged out' } },
    beforeOwnPassword: true,
    handler: async ({ token, user, address }, s) => {
      if (token) await s.auth.logout(token, user, address);
      return { status: 204, session: 'clear' };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/password',
    summary:
      'Choose one’s own password, giving the current one: ends every session of the user and opens a new one (cookie and token)',
    tag: 'auth',
    access: 'any',
    params: NoParams,
    query: NoQuery,
    body: ChangePasswordBody,
    loginRateLimit: true,
    beforeOwnPassword: true,
    responses: { 200: { description: 'Changed; the new session', schema: LoginResponse } },
    errors: [429],
    handler: async ({ body, user, address }, s) => {
      const r = await s.auth.changeOwnPassword(user, body, address);
      return { status: 200, body: r, session: { token: r.token, expiresAt: r.expiresAt } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/me',
    summary: 'The logged-in user',
    tag: 'auth',
    access: 'any',
    params: NoParams,
    query: NoQuery,
    beforeOwnPassword: true,
    responses: { 200: { description: 'The user', schema: MeResponse } },
    handler: async ({ user }) => ({ status: 200, body: { user } satisfies z.infer<typeof MeResponse> }),
  }),
];
