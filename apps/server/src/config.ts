import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, for the shipped protocols, the web build and the default data dir. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ServerConfig {
  port: number;
  host: string;
  /** A MongoDB-compatible server; when absent, the embedded mongodb-memory-server is used. */
  mongodbUri: string | null;
  /** Database name on that server. */
  dbName: string;
  /** Where the embedded server keeps its files (restarts keep every case). */
  dataDir: string;
  /** Seed the demo users (RUTA_DEMO=1). */
  demo: boolean;
  /** The built web app, served with SPA fallback when it exists. */
  webDist: string;
  /** Where the shipped protocol files are. */
  protocolsRoot: string;
  /** Request bodies larger than this get 413. */
  bodyLimitBytes: number;
  sessionTtlMs: number;
  /** Failed logins allowed per window per client address and user name. */
  loginMaxFailures: number;
  loginWindowMs: number;
  /** How often the scheduler looks for due timers. */
  schedulerIntervalMs: number;
  /** log2 of scrypt's N for new password hashes (RUTA_SCRYPT_COST, 10-20). */
  passwordCost: number;
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  secureCookies: boolean;
}

/** Reads the configuration from the environment, with the documented defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST || '127.0.0.1',
    mongodbUri: env.MONGODB_URI || null,
    dbName: env.RUTA_DB_NAME || 'ruta',
    dataDir: env.RUTA_DATA_DIR || path.join(REPO_ROOT, '.data/mongo'),
    demo: env.RUTA_DEMO === '1',
    webDist: env.RUTA_WEB_DIST || path.join(REPO_ROOT, 'apps/web/dist'),
    protocolsRoot: env.RUTA_PROTOCOLS_ROOT || REPO_ROOT,
    bodyLimitBytes: 256 * 1024,
    sessionTtlMs: intFrom(env.RUTA_SESSION_HOURS, 12, 'RUTA_SESSION_HOURS') * 3_600_000,
    loginMaxFailures: intFrom(env.RUTA_LOGIN_MAX_FAILURES, 10, 'RUTA_LOGIN_MAX_FAILURES'),
    loginWindowMs: 15 * 60_000,
    schedulerIntervalMs: intFrom(env.RUTA_SCHEDULER_MS, 30_000, 'RUTA_SCHEDULER_MS'),
    secureCookies: env.RUTA_SECURE_COOKIES === '1',
    passwordCost: Math.min(20, Math.max(10, intFrom(env.RUTA_SCRYPT_COST, 15, 'RUTA_SCRYPT_COST'))),
  };
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}
