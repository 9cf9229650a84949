import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildWeb } from './buildOnce.js';
import { freePort } from './freePort.js';
import { REPO_ROOT } from './paths.js';

export interface Stack {
  /** The server's origin, e.g. http://127.0.0.1:40123 */
  url: string;
  /**
   * The stack's database, for a test that sets up what no API writes (alerts of cases never
   * run) or changes it behind the server's back.
   */
  database: { uri: string; name: string };
  /** What the server printed, for a failing test's message. */
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * The real stack a case worker uses: a MongoDB-compatible database (MONGODB_URI when set, as the
 * test command sets it; else a FerretDB of its own on a random port), the web app built into
 * a directory of the test's own, and the real server serving both, with the demo users. Each call gets a database
 * of its own, so tests never see each other's cases.
 */
export async function startStack(name: string): Promise<Stack> {
  const webDist = buildWeb();
  let mongoUri = process.env.MONGODB_URI ?? '';
  let stopDb = () => {};
  if (!mongoUri) {
    const stateDir = mkdtempSync(path.join(tmpdir(), 'ruta-web-ferretdb-'));
    // FERRETDB_DEBUG_ADDR=-: no debug listener, whose fixed port another FerretDB may hold.
    const env = { ...process.env, FERRETDB_STATE_DIR: stateDir, FERRETDB_DEBUG_ADDR: '-' };
    const dbPort = await freePort();
    mongoUri = execFileSync('bash', ['scripts/ferretdb.sh', 'start', String(dbPort)], {
      cwd: REPO_ROOT,
      env,
      encoding: 'utf8',
      timeout: 600_000,
    }).trim();
    stopDb = () => {
      try {
        execFileSync('bash', ['scripts/ferretdb.sh', 'stop'], { cwd: REPO_ROOT, env });
      } finally {
        rmSync(stateDir, { recursive: true, force: true });
      }
    };
  }
  const port = await freePort();
  const dbName = `ruta_web_${name}_${process.pid}_${Date.now().toString(36)}`.replace(/[^a-zA-Z0-9_]/g, '_');
  let output = '';
  const server: ChildProcess = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'apps/server/src/main.ts'],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        RUTA_DEMO: '1',
        MONGODB_URI: mongoUri,
        RUTA_DB_NAME: dbName,
        RUTA_WEB_DIST: webDist,
        // The forms' sample detections are months before the real clock, and the 24-hour alert
        // counts from the detection: its timer is overdue once a case is screened. Firing it while
        // a browser test steps the case would make the test's step stale, so the stack checks
        // timers once at start only (about 23 days between checks). The scheduler is tested over
        // the API with a test clock (apps/server/test/timersAcrossRestart, worklistAnchoredDeadlines).
        RUTA_SCHEDULER_MS: '2000000000',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          server.kill('SIGKILL');
          resolve();
        }, 10_000);
        server.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    stopDb();
  };

  // Ready when the API answers; seeding the protocols and demo users takes a while.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) {
      stopDb();
      throw new Error(`the server exited (${server.exitCode}) before it was ready:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/auth/me`);
      if (res.status === 401 || res.ok) {
        const protocols = await fetch(`${url}/api/protocols`);
        // Logged out, the protocol list is refused or empty; either way the server is up.
        if (protocols.status !== 0) break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer on ${url} within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, database: { uri: mongoUri, name: dbName }, log: () => output, stop };
}
