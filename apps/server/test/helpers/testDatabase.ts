import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** The MongoDB-compatible server the tests use; a clear failure when it is not given. */
export function testMongoUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    throw new Error(
      'MONGODB_URI is not set: the server tests need a real MongoDB-compatible server. Run `bash scripts/ferretdb.sh start` and set MONGODB_URI to the URI it prints (or run `npm test`).',
    );
  }
  return uri;
}

/** A database name of its own for a test file, so files run in parallel without sharing data. */
export function uniqueDbName(testFile: string): string {
  const base = path
    .basename(testFile)
    .replace(/\.test\.ts$/, '')
    .replace(/[^a-zA-Z0-9]/g, '_')
    .slice(0, 24);
  return `ruta_t_${base}_${randomBytes(4).toString('hex')}`;
}
