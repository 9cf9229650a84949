import fs from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import type { IncomingMessage } from 'node:http';
import express, { type Express } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { AppDeps } from '../deps.js';
import { createServices, type Services } from '../services/createServices.js';
import { createErrorHandler, errorBody } from './errorHandler.js';
import { inputHygiene } from './inputHygiene.js';
import { mountRoute } from './mountRoute.js';
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

  const loginLimiter = rateLimit({
    windowMs: deps.config.loginWindowMs,
    limit: deps.config.loginMaxFailures,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const body = req.body as { username?: unknown } | undefined;
      const user = typeof body?.username === 'string' ? body.username.toLowerCase() : '';
      return `${ipKeyGenerator(req.ip ?? '')}|${user}`;
    },
    handler: (_req, res) => {
      res
        .status(429)
        .json(
          errorBody(
            'too-many-logins',
            'Too many failed logins for this user from this address; wait 15 minutes and try again.',
          ),
        );
    },
  });
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
  app.use(createErrorHandler(deps.logger));
  return { app, services };
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
