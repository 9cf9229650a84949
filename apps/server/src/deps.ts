import type { Logger } from 'pino';
import type { ServerConfig } from './config.js';
import type { Database } from './db/connectDatabase.js';

/** The current instant as ISO 8601 UTC (the engine's Clock). */
export type Clock = () => string;
/** A new unique id: 24 hex digits, the shape of a MongoDB ObjectId. */
export type Ids = () => string;

/** Everything the app needs from outside; tests pass their own clock and ids. */
export interface AppDeps {
  db: Database;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  config: ServerConfig;
}
