import fs from 'node:fs';
import mongoose from 'mongoose';
import type { Connection } from 'mongoose';
import type { ServerConfig } from '../config.js';

export interface Database {
  connection: Connection;
  /** Where it is, for the start-up log line (no credentials). */
  description: string;
  close(): Promise<void>;
}

/** Thrown when no database can be reached; main.ts prints `message` and exits with code 3. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * Connects to MONGODB_URI, or starts the embedded mongodb-memory-server with its files in
 * `config.dataDir` (wiredTiger, so a restart keeps every case).
 */
export async function connectDatabase(config: ServerConfig): Promise<Database> {
  if (config.mongodbUri) return connectUri(config.mongodbUri, config.dbName, redact(config.mongodbUri));
  return startEmbedded(config);
}

async function connectUri(uri: string, dbName: string, description: string, onClose?: () => Promise<void>) {
  const connection = mongoose.createConnection(uri, {
    dbName,
    // Indexes are created explicitly by ensureIndexes() so a failure is reported at start-up.
    autoIndex: false,
    autoCreate: true,
    serverSelectionTimeoutMS: 10_000,
    maxPoolSize: 100,
  });
  try {
    await connection.asPromise();
  } catch (e) {
    await connection.close().catch(() => undefined);
    throw new DatabaseUnavailableError(
      `ruta: cannot reach the database at ${description} (${(e as Error).message}); check MONGODB_URI or start one with \`bash scripts/ferretdb.sh start\`.`,
    );
  }
  return {
    connection,
    description: `${description} database "${dbName}"`,
    async close() {
      await connection.close();
      if (onClose) await onClose();
    },
  };
}

async function startEmbedded(config: ServerConfig): Promise<Database> {
  const { MongoBinary, MongoMemoryServer } = await import('mongodb-memory-server');
  try {
    // Fetch (or find) mongod first: a failed download is reported here, quietly, as one line.
    await MongoBinary.getPath();
  } catch (e) {
    const reason = (e as { code?: string }).code ?? (e as Error).message;
    throw new DatabaseUnavailableError(
      `ruta: the embedded MongoDB could not be downloaded (${reason}); set MONGODB_URI to a MongoDB-compatible server, or run \`bash scripts/ferretdb.sh start\` and use the URI it prints.`,
    );
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const server = await MongoMemoryServer.create({
    instance: { dbPath: config.dataDir, storageEngine: 'wiredTiger' },
  });
  return connectUri(
    server.getUri(),
    config.dbName,
    `embedded MongoDB (data in ${config.dataDir})`,
    async () => {
      await server.stop({ doCleanup: false, force: false });
    },
  );
}

function redact(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}
