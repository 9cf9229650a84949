import type { z } from 'zod';
import { LoginBody, LoginResponse, MeResponse } from '../../api/authApi.js';
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
    handler: async ({ token, user, address }, s) => {
      if (token) await s.auth.logout(token, user, address);
      return { status: 204, session: 'clear' };
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
    responses: { 200: { description: 'The user', schema: MeResponse } },
    handler: async ({ user }) => ({ status: 200, body: { user } satisfies z.infer<typeof MeResponse> }),
  }),
];
