import type { Express, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { AppError, forbidden, unauthenticated, userError } from '../errors.js';
import type { Services } from '../services/createServices.js';
import { refuseCrossSite } from './refuseCrossSite.js';
import type { Route } from './route.js';

export const SESSION_COOKIE = 'ruta_session';

/** The session token: a bearer token, else the session cookie. */
export function readToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (header && /^Bearer\s+/i.test(header)) return header.replace(/^Bearer\s+/i, '').trim() || null;
  const cookies = req.cookies as Record<string, unknown> | undefined;
  const cookie = cookies?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie !== '' ? cookie : null;
}

/** Validates one part of the request, or throws a user error listing every problem with where it is. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'path' | 'query' | 'body',
): z.output<S> {
  const unknown = unknownKeys(schema, value, where);
  const r = schema.safeParse(value);
  if (r.success && unknown.length === 0) return r.data;
  const details = [...unknown, ...(r.success ? [] : r.error.issues)].map((i) => ({
    in: where,
    path: i.path.map(String).join('.'),
    issue: i.code,
    message: givenTwice(value, where, i.path) ? 'is given more than once: give it once' : i.message,
    // the bound of a too_small / too_big issue, for a client to say the limit in its language
    ...('minimum' in i ? { minimum: Number(i.minimum) } : {}),
    ...('maximum' in i ? { maximum: Number(i.maximum) } : {}),
  }));
  const text = details.map((d) => `${d.path ? `${where}.${d.path}` : where}: ${d.message}`).join('; ');
  throw userError('invalid-input', `Fix the request: ${text}.`, details);
}

/** Whether a query parameter came more than once (?limit=1&limit=2 reads as a list). */
function givenTwice(value: unknown, where: 'path' | 'query' | 'body', path: readonly PropertyKey[]): boolean {
  if (where !== 'query' || path.length !== 1 || typeof value !== 'object' || value === null) return false;
  return Array.isArray((value as Record<PropertyKey, unknown>)[path[0]!]);
}

/**
 * The keys of a query or body object its schema does not name, each as a problem saying which it
 * takes: read as the schema reads them they would be dropped unseen ("country": "SV" opening a
 * case in the caller's own country, a misspelt "Data" stepping without data). Schemas that keep
 * other keys (loose objects, free JSON) are left to themselves.
 */
function unknownKeys(
  schema: z.ZodType,
  value: unknown,
  where: 'path' | 'query' | 'body',
): { path: string[]; code: string; message: string }[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const shape = objectShape(schema);
  if (!shape) return [];
  const known = Object.keys(shape);
  const what = where === 'query' ? 'parameter' : 'field';
  const takes =
    known.length === 0
      ? `this request takes no ${what}s`
      : `this request takes the ${what}s ${known.join(', ')} only`;
  return Object.keys(value)
    .filter((key) => !Object.hasOwn(shape, key))
    .map((key) => ({
      path: [key],
      code: 'unrecognized_keys',
      message: `is not a ${what} here: ${takes}; leave "${key}" out`,
    }));
}

/** The fields of a strict-reading object schema (through optional, default and transforms), if it is one. */
function objectShape(schema: z.ZodType): Record<string, unknown> | undefined {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault)
      s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else break;
  }
  if (!(s instanceof z.ZodObject)) return undefined;
  // A catch-all (a loose object) keeps other keys on purpose.
  if (s._zod.def.catchall !== undefined) return undefined;
  return s.shape as Record<string, unknown>;
}

/**
 * A body that was sent but not read, because its Content-Type is not JSON (a form post, text):
 * say so, rather than "body: expected object".
 */
function refuseUnreadBody(req: Request): void {
  const length = Number(req.headers['content-length'] ?? 0);
  if (!(length > 0) && req.headers['transfer-encoding'] === undefined) return;
  const type = req.headers['content-type'];
  const message = `the body was sent as ${type ? `"${type}"` : 'no Content-Type'}: send it as JSON with Content-Type: application/json`;
  throw userError('invalid-input', `Fix the request: ${message}.`, [
    { in: 'header', path: 'content-type', issue: 'invalid_type', message },
  ]);
}

/** A body sent to a request that takes none (an empty object aside): refused rather than ignored. */
function refuseBody(body: unknown): void {
  if (body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0))
    return;
  const message = 'this request takes no body: send it without one';
  throw userError('invalid-input', `Fix the request: ${message}.`, [
    { in: 'body', path: '', issue: 'unrecognized_keys', message },
  ]);
}

/** Mounts a route on the app: cross-site refusal, authentication, role check, input validation, then the handler. */
export function mountRoute(
  app: Express,
  route: Route,
  services: Services,
  options: { secureCookies: boolean; loginLimiter: RequestHandler },
): void {
  const handle: RequestHandler = async (req: Request, res: Response) => {
    const token = readToken(req);
    const user = token ? await services.auth.authenticate(token) : null;
    if (route.access !== 'public' && !user) throw unauthenticated();
    if (user?.mustChangePassword && !route.beforeOwnPassword) {
      throw new AppError(
        'forbidden',
        'password-change-required',
        'Your password was set by an administrator: choose your own first (POST /api/auth/password).',
      );
    }
    if (Array.isArray(route.access) && user && !route.access.includes(user.role)) {
      throw forbidden(
        `Your role (${user.role}) cannot do this; it needs one of: ${route.access.join(', ')}.`,
        { rule: 'role', role: user.role, allowed: [...route.access] },
      );
    }
    const params = parseInput(route.params, req.params, 'path');
    const query = parseInput(route.query, req.query, 'query');
    if (route.body && req.body === undefined) refuseUnreadBody(req);
    if (!route.body) refuseBody(req.body);
    const body = route.body ? parseInput(route.body, req.body, 'body') : undefined;
    const out = await route.handler({ params, query, body, user, token, address: req.ip ?? null }, services);
    if (out.session === 'clear') res.clearCookie(SESSION_COOKIE, { path: '/' });
    else if (out.session) {
      res.cookie(SESSION_COOKIE, out.session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: options.secureCookies,
        path: '/',
        expires: new Date(out.session.expiresAt),
      });
    }
    if (out.headers) res.set(out.headers);
    if (out.body === undefined) res.status(out.status).end();
    else res.status(out.status).json(out.body);
  };
  // Cross-site refusals first, so they never count against the login rate limit.
  const chain = route.loginRateLimit
    ? [refuseCrossSite, options.loginLimiter, handle]
    : [refuseCrossSite, handle];
  app[route.method](route.path, ...chain);
}
