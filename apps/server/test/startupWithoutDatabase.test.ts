import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// npm start's own database handling: the server's message when it finds none, and the FerretDB
// script it then falls back to.
describe('starting without a reachable database', () => {
  it('prints one line saying what to set, and exits with code 3', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: REPO,
      env: { ...process.env, MONGODB_URI: 'mongodb://127.0.0.1:9/', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(3);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('MONGODB_URI');
    expect(lines[0]).toContain('scripts/ferretdb.sh start');
  }, 60_000);
});

/** Runs scripts/ferretdb.sh with `args` on the state directory `state`. */
function ferretdb(
  state: string,
  ...args: string[]
): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn('bash', ['scripts/ferretdb.sh', ...args], {
    cwd: REPO,
    env: { ...process.env, FERRETDB_STATE_DIR: state },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}

describe("npm start's fallback FerretDB", () => {
  it("refuses a port another program listens on, instead of handing out that program's database", async () => {
    const other = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = String((other.address() as net.AddressInfo).port);
    const state = await mkdtemp(path.join(os.tmpdir(), 'ruta-ferretdb-busy-'));
    try {
      const busy = await ferretdb(state, 'start', port);
      expect(busy.code).toBe(1);
      expect(busy.out).toBe('');
      expect(busy.err).toContain(`127.0.0.1:${port} is already in use by another program`);
      expect(busy.err).toContain('FERRETDB_PORT');
    } finally {
      other.close();
      await ferretdb(state, 'stop');
      await rm(state, { recursive: true, force: true });
    }
  }, 60_000);

  it('gives its own URI again while it runs, and refuses to be asked for it on another port', async () => {
    const state = await mkdtemp(path.join(os.tmpdir(), 'ruta-ferretdb-own-'));
    const port = await freePort();
    try {
      const started = await ferretdb(state, 'start', port);
      expect(started.code, started.err).toBe(0);
      expect(started.out.trim()).toBe(`mongodb://127.0.0.1:${port}/`);
      expect((await ferretdb(state, 'start', port)).out.trim()).toBe(`mongodb://127.0.0.1:${port}/`);
      const elsewhere = await ferretdb(state, 'start', await freePort());
      expect(elsewhere.code).toBe(1);
      expect(elsewhere.err).toContain(`already runs on port ${port}`);
    } finally {
      await ferretdb(state, 'stop');
      await rm(state, { recursive: true, force: true });
    }
  }, 60_000);
});

async function freePort(): Promise<string> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = String((s.address() as net.AddressInfo).port);
  await new Promise((resolve) => s.close(resolve));
  return port;
}
