import type { z } from 'zod';
import type { Role } from '@ruta/protocol';
import type { SessionUser } from '../services/authService.js';
import type { Services } from '../services/createServices.js';

/** Who may call a route: anyone, any logged-in user, or logged-in users with one of these roles. */
export type Access = 'public' | 'any' | readonly Role[];

export interface RouteOutput {
  status: number;
  body?: unknown;
  /** Response headers (e.g. the worklist's X-Next-Cursor). */
  headers?: Record<string, string>;
  /** Set (or clear) the session cookie. */
  session?: { token: string; expiresAt: string } | 'clear';
}

export interface RouteInput<P, Q, B, U> {
  params: P;
  query: Q;
  body: B;
  user: U;
  /** The session token of the request, when there is one. */
  token: string | null;
  /** The client's address (the proxy's unless RUTA_TRUST_PROXY names it). */
  address: string | null;
}

/** A page of a long list: its rows, and the X-Next-Cursor header when more follow. */
export function pageAnswer(page: { rows: unknown[]; next: string | null }): RouteOutput {
  return { status: 200, body: page.rows, ...(page.next ? { headers: { 'X-Next-Cursor': page.next } } : {}) };
}

/** A documented success answer; errors are documented from `errors`. */
export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
}

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, A extends Access> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express path, e.g. "/api/cases/:caseId". */
  path: string;
  summary: string;
  tag: string;
  access: A;
  params: P;
  query: Q;
  body?: B;
  responses: Record<number, ResponseSpec>;
  /** Error statuses this route can answer beyond the ones every route has (400, 401, 403, 413, 429). */
  errors?: number[];
  /** Count failed calls against the login rate limit. */
  loginRateLimit?: boolean;
  /** Open to a user who must first choose their own password (who am I, log out, choose it). */
  beforeOwnPassword?: boolean;
  handler: (
    input: RouteInput<
      z.output<P>,
      z.output<Q>,
      z.output<B>,
      A extends 'public' ? SessionUser | null : SessionUser
    >,
    services: Services,
  ) => Promise<RouteOutput>;
}

/** A route with its types erased, as the app mounts it and the OpenAPI builder reads it. */
export interface Route {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params: z.ZodType;
  query: z.ZodType;
  body?: z.ZodType;
  responses: Record<number, ResponseSpec>;
  errors: number[];
  loginRateLimit: boolean;
  beforeOwnPassword: boolean;
  handler: (
    input: RouteInput<unknown, unknown, unknown, SessionUser | null>,
    services: Services,
  ) => Promise<RouteOutput>;
}

/** Declares a route: its input schemas, who may call it, its answers and its (thin) handler. */
export function defineRoute<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType = z.ZodUndefined,
  A extends Access = Access,
>(spec: RouteSpec<P, Q, B, A>): Route {
  return {
    ...spec,
    errors: spec.errors ?? [],
    loginRateLimit: spec.loginRateLimit ?? false,
    beforeOwnPassword: spec.beforeOwnPassword ?? false,
    handler: spec.handler as Route['handler'],
  };
}
