import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { loadConfig, type ServerConfig } from '../../src/config.js';
import { connectDatabase, type Database } from '../../src/db/connectDatabase.js';
import { createModels, ensureIndexes } from '../../src/db/models.js';
import { createApp } from '../../src/http/createApp.js';
import { seed } from '../../src/seed.js';
import { DEMO_PASSWORD } from '../../src/seedData.js';
import type { Services } from '../../src/services/createServices.js';
import { objectIds } from '../../src/systemDeps.js';
import { ApiClient } from './apiClient.js';
import { testMongoUri, uniqueDbName } from './testDatabase.js';

export interface TestServer {
  url: string;
  dbName: string;
  db: Database;
  services: Services;
  config: ServerConfig;
  /** An API client logged in as a demo user (password ruta-demo), e.g. "caseworker.gt". */
  as(username: string): Promise<ApiClient>;
  anonymous(): ApiClient;
  /** Forget the sessions of `as` (e.g. after moving a test clock past their expiry). */
  forgetLogins(): void;
  /** Stops the server; drops the database unless `keepDb`. */
  close(opts?: { keepDb?: boolean }): Promise<void>;
}

export interface TestServerOptions {
  /** The test file (import.meta.url), for the database name. */
  file: string;
  /** Reuse a database (e.g. a restart); default: a new one, seeded. */
  dbName?: string;
  clock?: () => string;
  /** The id generator (default: ObjectIds, as in production). */
  ids?: () => string;
  config?: Partial<ServerConfig>;
  /** Where the server's log lines go (default: nowhere). */
  logStream?: { write(line: string): void };
}

/**
 * The real app over a real database (MONGODB_URI, FerretDB here) on a random loopback port:
 * the shipped protocols published, the focal-point directory and the demo users seeded.
 */
export async function startTestServer(opts: TestServerOptions): Promise<TestServer> {
  const dbName = opts.dbName ?? uniqueDbName(opts.file);
  const config: ServerConfig = {
    ...loadConfig({}),
    mongodbUri: testMongoUri(),
    dbName,
    demo: true,
    webDist: '/nonexistent',
    // Demo passwords hashed at a lower scrypt cost: the same code, a test database seeded faster.
    passwordCost: 12,
    ...opts.config,
  };
  const db = await connectDatabase(config);
  await ensureIndexes(createModels(db.connection));
  const logger = opts.logStream
    ? pino({ level: 'info' }, opts.logStream)
    : pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const clock = opts.clock ?? (() => new Date().toISOString());
  const { app, services } = createApp({ db, clock, ids: opts.ids ?? objectIds, logger, config });
  await seed(services, config, logger);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = new Map<string, string>();
  return {
    url,
    dbName,
    db,
    services,
    config,
    async as(username: string) {
      let token = tokens.get(username);
      if (!token) {
        const r = await new ApiClient(url).post<{ token: string }>('/api/auth/login', {
          username,
          password: DEMO_PASSWORD,
        });
        if (r.status !== 200)
          throw new Error(`login as ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
        token = r.body.token;
        tokens.set(username, token);
      }
      return new ApiClient(url, token);
    },
    anonymous: () => new ApiClient(url),
    forgetLogins: () => tokens.clear(),
    async close(closeOpts = {}) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.caseStore.drain();
      await services.accessLog.drain();
      if (!closeOpts.keepDb) await db.connection.dropDatabase().catch(() => undefined);
      await db.close();
    },
  };
}
