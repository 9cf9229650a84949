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
  /** Failed logins allowed per window per client address and user name (RUTA_LOGIN_MAX_FAILURES, from 1). */
  loginMaxFailures: number;
  /**
   * Failed logins allowed per window per client address, whatever the user names
   * (RUTA_LOGIN_MAX_FAILURES_PER_ADDRESS, from 1): generous, since an office may share one address.
   */
  loginMaxFailuresPerAddress: number;
  loginWindowMs: number;
  /**
   * Which proxies in front of the server to believe about the client's address
   * (X-Forwarded-For), as Express's "trust proxy" takes it (RUTA_TRUST_PROXY): a number of hops,
   * or addresses, subnets and the names loopback, linklocal, uniquelocal, comma-separated. Unset,
   * the address is the connection's: behind a proxy that is the proxy's, and the failed-login
   * limit per address would hold every user back together.
   */
  trustProxy: number | string | null;
  /** How often the scheduler looks for due timers. */
  schedulerIntervalMs: number;
  /** How often every case's history and document are checked (RUTA_INTEGRITY_HOURS, from 1). */
  integritySweepMs: number;
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
    loginMaxFailures: intFrom(env.RUTA_LOGIN_MAX_FAILURES, 10, 'RUTA_LOGIN_MAX_FAILURES', {
      min: 1,
      why: 'the failed logins allowed per user name and address in 15 minutes; 0 would refuse every login',
    }),
    loginMaxFailuresPerAddress: intFrom(
      env.RUTA_LOGIN_MAX_FAILURES_PER_ADDRESS,
      50,
      'RUTA_LOGIN_MAX_FAILURES_PER_ADDRESS',
      {
        min: 1,
        why: 'the failed logins allowed per address in 15 minutes, whatever the user names; 0 would refuse every login',
      },
    ),
    loginWindowMs: 15 * 60_000,
    trustProxy: trustProxyFrom(env.RUTA_TRUST_PROXY),
    schedulerIntervalMs: intFrom(env.RUTA_SCHEDULER_MS, 30_000, 'RUTA_SCHEDULER_MS'),
    integritySweepMs:
      intFrom(env.RUTA_INTEGRITY_HOURS, 24, 'RUTA_INTEGRITY_HOURS', {
        min: 1,
        why: 'the hours between two checks of every case’s history and document',
      }) * 3_600_000,
    secureCookies: env.RUTA_SECURE_COOKIES === '1',
    passwordCost: Math.min(20, Math.max(10, intFrom(env.RUTA_SCRYPT_COST, 15, 'RUTA_SCRYPT_COST'))),
  };
}

/**
 * A whole number from the environment, or `fallback` when unset. A value below `min` stops the
 * server at start with what the setting means, rather than running with a setting that cannot work.
 */
function intFrom(
  value: string | undefined,
  fallback: number,
  name: string,
  bound: { min: number; why: string } = { min: 0, why: '' },
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < bound.min) {
    const why = bound.why ? ` (${bound.why})` : '';
    throw new Error(
      `${name} must be a whole number from ${bound.min}${why}, got "${value}": set it to ${bound.min} or more, or leave it unset for the default ${fallback}.`,
    );
  }
  return n;
}

/** RUTA_TRUST_PROXY as Express takes it; never "every proxy", which would let any client choose its address. */
function trustProxyFrom(value: string | undefined): number | string | null {
  const v = value?.trim() ?? '';
  if (v === '') return null;
  if (/^\d+$/.test(v) && Number(v) >= 1) return Number(v);
  if (/^(true|\*|0)$/i.test(v)) {
    throw new Error(
      `RUTA_TRUST_PROXY="${v}" would let any client choose the address it is limited by: give the number of proxies in front of the server (e.g. 1), or their addresses (e.g. loopback or 10.0.0.5), or leave it unset when there is none.`,
    );
  }
  return v;
}
