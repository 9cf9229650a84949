import type { Server } from 'node:http';
import { pino } from 'pino';
import { loadConfig } from './config.js';
import { connectDatabase, DatabaseUnavailableError, type Database } from './db/connectDatabase.js';
import { createModels, ensureIndexes } from './db/models.js';
import { createApp } from './http/createApp.js';
import { IntegritySweeper } from './scheduler/integritySweeper.js';
import { TimerScheduler } from './scheduler/timerScheduler.js';
import { seed } from './seed.js';
import { objectIds, systemClock } from './systemDeps.js';

/** Exit code when no database can be reached (scripts/start.sh then falls back to FerretDB). */
const NO_DATABASE = 3;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  let db: Database;
  try {
    db = await connectDatabase(config);
  } catch (e) {
    if (e instanceof DatabaseUnavailableError) {
      console.error(e.message);
      process.exit(NO_DATABASE);
    }
    throw e;
  }
  await ensureIndexes(createModels(db.connection));
  const { app, services } = createApp({ db, clock: systemClock, ids: objectIds, logger, config });
  const firstStart = (await services.repos.protocols.count()) === 0;
  const s = await seed(services, config, logger);
  if (firstStart || s.published.length > 0) {
    logger.info(
      `seeded: ${s.published.length} protocol versions, ${s.focalPoints} focal points, ${s.usersCreated} demo users`,
    );
  }
  const scheduler = new TimerScheduler(services, logger, config.schedulerIntervalMs);
  await scheduler.start();
  const sweeper = new IntegritySweeper(services, config.integritySweepMs);
  sweeper.start();

  const server: Server = await new Promise((resolve) => {
    const srv = app.listen(config.port, config.host, () => resolve(srv));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(`Ruta listening on http://${config.host}:${port} (database: ${db.description})`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info(`${signal}: closing`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => {
      void (async () => {
        await scheduler.stop();
        await sweeper.stop();
        await services.caseStore.drain();
        await services.accessLog.drain();
        await db.close();
        process.exit(0);
      })();
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
