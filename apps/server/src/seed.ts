import { pathToFileURL } from 'node:url';
import { loadRegistry, resolveProtocol } from '@ruta/protocol';
import { pino, type Logger } from 'pino';
import { loadConfig, type ServerConfig } from './config.js';
import { connectDatabase, DatabaseUnavailableError } from './db/connectDatabase.js';
import { createModels, ensureIndexes } from './db/models.js';
import { derivedId } from './services/derivedId.js';
import { hashPassword } from './services/passwords.js';
import type { Services } from './services/createServices.js';
import { createServices } from './services/createServices.js';
import { systemClock, objectIds } from './systemDeps.js';
import { DEMO_PASSWORD, demoUsers, FOCAL_POINTS } from './seedData.js';

export interface SeedSummary {
  published: string[];
  alreadyPublished: number;
  /**
   * Shipped versions whose content is not the one this database published under the same
   * id and version (the shipped file was edited since): the database's stays, since a published
   * version never changes and cases ran under it.
   */
  differing: string[];
  failed: { ref: string; problems: string[] }[];
  focalPoints: number;
  usersCreated: number;
}

/**
 * Publishes every shipped protocol and variant not yet published, writes the focal-point
 * directory of the 11 countries, and with `demo` creates the demo users (password ruta-demo).
 * Idempotent: existing versions and users are left as they are.
 */
export async function seed(
  services: Services,
  config: Pick<ServerConfig, 'demo' | 'passwordCost'>,
  logger: Logger,
): Promise<SeedSummary> {
  const summary: SeedSummary = {
    published: [],
    alreadyPublished: 0,
    differing: [],
    failed: [],
    focalPoints: 0,
    usersCreated: 0,
  };
  const registry = loadRegistry(services.shippedFiles());
  for (const p of registry.problems)
    logger.warn({ file: p.location.file, code: p.code }, `shipped file problem: ${p.message}`);
  // Protocols before variants, so a variant's family (root) is found from its published base.
  const refs = [...registry.protocols.keys(), ...registry.variants.keys()];
  for (const ref of refs) {
    const r = resolveProtocol(registry, ref);
    if (!r.ok) {
      summary.failed.push({ ref, problems: r.problems.map((p) => p.message) });
      logger.error(
        { ref },
        `shipped protocol does not resolve: ${r.problems.map((p) => p.message).join('; ')}`,
      );
      continue;
    }
    const doc = await services.protocols.publishedDoc(r.protocol, 'seed');
    const inserted = await services.repos.protocols.insert(doc);
    if (inserted.ok) summary.published.push(ref);
    else if (inserted.reason === 'version-exists') {
      summary.alreadyPublished++;
      const published = await services.repos.protocols.find(doc.protocolId, doc.version);
      if (published && published.hash !== doc.hash) {
        summary.differing.push(ref);
        logger.warn(
          { ref },
          `the shipped ${ref} differs from the ${ref} this database published on ${published.publishedAt}: ` +
            'the published one stays, since a published version never changes and cases ran under it. ' +
            'To use the shipped changes, publish them as a new version (give the file a higher "version").',
        );
      }
    } else {
      const problem = `the id ${doc.protocolId} belongs to ${inserted.owner.jurisdiction} (family ${inserted.owner.root}) in this database`;
      summary.failed.push({ ref, problems: [problem] });
      logger.error({ ref }, `shipped protocol not published: ${problem}`);
    }
  }

  const users = config.demo ? demoUsers() : [];
  // scrypt runs on libuv's thread pool: a few at a time keeps every core busy.
  const queue = [...users];
  const worker = async () => {
    for (let u = queue.shift(); u; u = queue.shift()) {
      if (await services.repos.users.findByUsername(u.username)) continue;
      const { salt, hash } = await hashPassword(DEMO_PASSWORD, config.passwordCost);
      const created = await services.repos.users.insertIfAbsent({
        _id: derivedId(`user:${u.username}`),
        username: u.username,
        name: u.name,
        role: u.role,
        country: u.country,
        passwordSalt: salt,
        passwordHash: hash,
        createdAt: services.clock(),
      });
      if (created) summary.usersCreated++;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);

  for (const [i, fp] of FOCAL_POINTS.entries()) {
    const focal = config.demo
      ? users.find((u) => u.role === 'focalpoint' && u.country === fp.country)
      : undefined;
    await services.repos.focalPoints.upsert({
      _id: derivedId(`focal-point:${fp.country}:${i % 2}`),
      country: fp.country,
      institution: fp.institution,
      function: fp.function,
      contact: `${i % 2 === 0 ? 'enlace' : 'reinsercion'}.${fp.country.toLowerCase()}@ruta.example`,
      userId: focal && i % 2 === 0 ? derivedId(`user:${focal.username}`) : null,
    });
    summary.focalPoints++;
  }
  return summary;
}

/** `npm run seed -w @ruta/server`: connect, seed, report, disconnect. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  let db;
  try {
    db = await connectDatabase(config);
  } catch (e) {
    if (e instanceof DatabaseUnavailableError) {
      console.error(e.message);
      process.exit(3);
    }
    throw e;
  }
  const models = createModels(db.connection);
  await ensureIndexes(models);
  const services = createServices({ db, clock: systemClock, ids: objectIds, logger, config });
  const s = await seed(services, config, logger);
  logger.info(
    `seed: ${s.published.length} protocol versions published (${s.alreadyPublished} already, ${s.differing.length} of them unlike the shipped file), ${s.failed.length} failed, ${s.focalPoints} focal points, ${s.usersCreated} demo users created`,
  );
  await db.close();
  if (s.failed.length > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
