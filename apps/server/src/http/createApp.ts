import fs from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import type { IncomingMessage } from 'node:http';
import express, {
  type Express,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { ServerConfig } from '../config.js';
import type { AppDeps } from '../deps.js';
import { LoginsBusy, loginName, type AuthService } from '../services/authService.js';
import { createServices, type Services } from '../services/createServices.js';
import { createErrorHandler, ERROR_CODE, errorBody } from './errorHandler.js';
import { inputHygiene } from './inputHygiene.js';
import { mountRoute, readToken } from './mountRoute.js';
import { allRoutes } from './routes/allRoutes.js';

function isJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type'] ?? '';
  return /^application\/([a-z.+-]*\+)?json\b/i.test(type);
}

/**
 * The Express app over a database connection: security headers, no caching of API answers,
 * request logs without victim data, a strict JSON reader with a size limit, every route of the
 * API, the web app when built, and one error handler. main.ts and the tests both start it.
 */
export function createApp(deps: AppDeps): { app: Express; services: Services } {
  const services = createServices(deps);
  const app = express();
  app.set('query parser', 'simple');
  // The client's address, for the failed-login limits: the connection's unless proxies are named.
  if (deps.config.trustProxy !== null) app.set('trust proxy', deps.config.trustProxy);
  app.use(helmet());
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: () => deps.ids(),
      // Only the method, the path (no query: it may name people) and the status: never bodies or headers.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    }),
  );
  // Case views, histories, revealed values and handover packets must not stay in the cache of a
  // shared workstation's browser. ETags still let a client revalidate what it keeps in memory.
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', express.raw({ type: isJson, limit: deps.config.bodyLimitBytes }));
  app.use('/api', cookieParser());
  app.use('/api', inputHygiene);

  const loginLimiter = loginLimiters(deps.config, services.auth);
  for (const route of allRoutes) {
    mountRoute(app, route, services, { secureCookies: deps.config.secureCookies, loginLimiter });
  }
  app.use('/api', (req, res) => {
    res
      .status(404)
      .json(
        errorBody(
          'no-such-route',
          `There is no ${req.method} ${req.baseUrl}${req.path}; see /api/openapi.json.`,
        ),
      );
  });
  serveWebApp(app, deps.config.webDist);
  app.use(answerLoginsBusy);
  app.use(createErrorHandler(deps.logger));
  return { app, services };
}

/** Set on a login answered without checking its password, so that no limiter counts it as a failure. */
const NOT_CHECKED = 'loginNotChecked';

/**
 * The refusals that are a failed password check (a wrong password at login or when choosing
 * one's own): only these count against the limits. A request refused before or after its
 * password was checked (no user name given, a new password too short) guessed nothing.
 */
const FAILED_CHECKS: ReadonlySet<string> = new Set(['unauthenticated', 'account-disabled', 'wrong-password']);

/** Whether a request of a rate-limited route is not a failed password check. */
function notAFailedCheck(res: Response): boolean {
  if (res.statusCode < 400 || res.locals[NOT_CHECKED] === true) return true;
  const code = res.locals[ERROR_CODE] as string | undefined;
  return code !== undefined && !FAILED_CHECKS.has(code);
}

/**
 * The failed-login limits, as one middleware: per client address whatever the user names (a
 * spray of many names from one place), then per address and user name (guesses at one
 * account): the name a login gives, or the logged-in user's own when choosing a new password
 * (POST /api/auth/password names nobody in its body). Only failed password checks count.
 */
function loginLimiters(config: ServerConfig, auth: AuthService): RequestHandler {
  const limiter = (limit: number, key: (req: Request) => string | Promise<string>, message: string) =>
    rateLimit({
      windowMs: config.loginWindowMs,
      limit,
      skipSuccessfulRequests: true,
      requestWasSuccessful: (_req, res) => notAFailedCheck(res),
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: key,
      handler: (_req, res) => {
        res.status(429).json(errorBody('too-many-logins', message));
      },
    });
  const minutes = Math.round(config.loginWindowMs / 60_000);
  const perAddress = limiter(
    config.loginMaxFailuresPerAddress,
    (req) => ipKeyGenerator(req.ip ?? ''),
    `Too many failed logins from this address; wait ${minutes} minutes and try again.`,
  );
  const perUser = limiter(
    config.loginMaxFailures,
    async (req) => {
      const body = req.body as { username?: unknown } | undefined;
      let user = typeof body?.username === 'string' ? loginName(body.username) : '';
      if (user === '') {
        const token = readToken(req);
        user = (token ? await auth.authenticate(token) : null)?.username ?? '';
      }
      return `${ipKeyGenerator(req.ip ?? '')}|${user}`;
    },
    `Too many failed logins for this user from this address; wait ${minutes} minutes and try again.`,
  );
  return (req, res, next) => {
    void perAddress(req, res, (err?: unknown) => (err ? next(err) : void perUser(req, res, next)));
  };
}

/** A login refused because too many passwords are being checked at once: 429 with Retry-After. */
function answerLoginsBusy(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (!(err instanceof LoginsBusy) || res.headersSent) return next(err);
  res.locals[NOT_CHECKED] = true;
  res
    .status(429)
    .set('Retry-After', String(err.retryAfterSeconds))
    .json(errorBody('logins-busy', err.message, [{ retryAfterSeconds: err.retryAfterSeconds }]));
}

/** The built web app with SPA fallback: any GET outside /api answers index.html. */
function serveWebApp(app: Express, dist: string): void {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return;
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.sendFile(index);
  });
}
