/**
 * API benchmark: a case step over HTTP at 1, 16 and 64 concurrent clients (each on its own
 * case), against the real server process on loopback and MONGODB_URI; and, in the same run and
 * database at the same concurrency, single-document inserts through the mongodb driver.
 * Prints JSON lines {"metric", "value", "unit", "clients"}.
 *
 *   MONGODB_URI=mongodb://127.0.0.1:27018/ npm run bench:api
 *   BENCH_SECONDS=10 (default 5) per measurement
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_MS = 1000;
const CONCURRENCY = (process.env.BENCH_CLIENTS ?? '1,16,64').split(',').map(Number);

function emit(metric: string, value: number, unit: string, clients: number) {
  console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit, clients }));
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(uri: string, dbName: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      MONGODB_URI: uri,
      RUTA_DB_NAME: dbName,
      PORT: String(port),
      RUTA_DEMO: '1',
      RUTA_SCRYPT_COST: '12',
      RUTA_WEB_DIST: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ruta listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

// node:http with keep-alive: a lighter client than fetch, so the client's own CPU (on the same
// machine) takes less from the server being measured.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

interface Answer {
  status: number;
  json: { version: number; case: { id: string }; forms: Record<string, { examples: unknown[] }> };
}

function call(url: string, token: string, method: string, p: string, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url + p,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Runs `op` in `clients` loops for SECONDS after a warm-up; returns operations/s and latencies (ms). */
async function measure(clients: number, op: (client: number) => Promise<void>) {
  const latencies: number[] = [];
  let counting = false;
  let count = 0;
  const end = Date.now() + WARMUP_MS + SECONDS * 1000;
  setTimeout(() => (counting = true), WARMUP_MS);
  let started = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (Date.now() < end) {
        const t0 = performance.now();
        await op(c);
        if (counting) {
          if (started === 0) started = performance.now();
          latencies.push(performance.now() - t0);
          count++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { perSecond: count / SECONDS, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function main() {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    console.error('bench:api needs MONGODB_URI (e.g. the URI `bash scripts/ferretdb.sh start` prints)');
    process.exit(2);
  }
  const dbName = `ruta_bench_${randomBytes(4).toString('hex')}`;
  const { url, child } = await startServer(uri, dbName);
  const mongo = new MongoClient(uri, { maxPoolSize: 128 });
  await mongo.connect();
  try {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'caseworker.gt', password: 'ruta-demo' }),
    });
    const token = ((await login.json()) as { token: string }).token;
    const proto = await call(url, token, 'GET', '/api/protocols/child-repatriation-gt/versions/1');
    const objection = proto.json.forms['cr-objection']!.examples[0];
    const raw = mongo.db(dbName).collection('benchRawWrites');

    for (const clients of CONCURRENCY) {
      const cases: { id: string; version: number }[] = [];
      for (let i = 0; i < clients; i++) {
        const r = await call(url, token, 'POST', '/api/cases', {
          protocol: { id: 'child-repatriation-gt', version: 1 },
        });
        cases.push({ id: r.json.case.id, version: r.json.version });
      }
      // A step that records a form and keeps the case where it is, so it can be repeated.
      const steps = await measure(clients, async (c) => {
        const k = cases[c]!;
        const r = await call(url, token, 'POST', `/api/cases/${k.id}/steps`, {
          event: 'WITHDRAW_CONSENT',
          data: objection,
          expectedVersion: k.version,
        });
        if (r.status !== 200) throw new Error(`step answered ${r.status}: ${JSON.stringify(r.json)}`);
        k.version = r.json.version;
      });
      emit('steps_per_s', steps.perSecond, 'steps/s', clients);
      emit('p50_ms', steps.p50, 'ms', clients);
      emit('p99_ms', steps.p99, 'ms', clients);

      // The same number of writers inserting one event-sized document each time.
      const payload = 'x'.repeat(1200);
      let n = 0;
      const writes = await measure(clients, async (c) => {
        await raw.insertOne({
          _id: `${clients}:${c}:${n++}`,
          caseId: String(c),
          seq: n,
          record: payload,
        } as never);
      });
      emit('db_raw_writes_per_s', writes.perSecond, 'writes/s', clients);
      emit('db_raw_write_p50_ms', writes.p50, 'ms', clients);
      emit('db_raw_write_p99_ms', writes.p99, 'ms', clients);
      emit('steps_vs_raw_writes', steps.perSecond / writes.perSecond, 'ratio', clients);
    }
  } finally {
    child.kill('SIGTERM');
    await mongo
      .db(dbName)
      .dropDatabase()
      .catch(() => undefined);
    await mongo.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
