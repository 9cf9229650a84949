// Failed logins are limited per client address too, whatever user names they try, and no more
// password checks run at once than the server can do quickly: a flood of logins with made-up
// names from many places is answered 429 at once beyond that, instead of making a real login
// wait behind all of them (36 s behind 300 at the default scrypt cost).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seedData.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface ErrorBody {
  error: { code: string; message: string; details: unknown[] };
}

/** A login sent from a given loopback address (127.0.0.0/8 all reach the server on 127.0.0.1). */
function loginFrom(
  server: TestServer,
  from: string,
  username: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: ErrorBody; retryAfter: string | undefined }> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.url}/api/auth/login`,
      {
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            body: JSON.parse(text) as ErrorBody,
            retryAfter: res.headers['retry-after'],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('failed logins from one address, each with another user name', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      file: import.meta.url,
      config: { loginMaxFailures: 5, loginMaxFailuresPerAddress: 20 },
    });
  });
  afterAll(async () => server?.close());

  it('are limited for that address, and only for it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      statuses.push((await loginFrom(server, '127.0.0.1', `nadie.${i}`, 'una clave cualquiera')).status);
    }
    expect(statuses).toEqual([...Array<number>(20).fill(401), 429, 429]);
    const right = await loginFrom(server, '127.0.0.1', 'caseworker.gt', DEMO_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('too-many-logins');
    expect(right.body.error.message).toMatch(/from this address; wait 15 minutes/);
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
    // another address is not held back
    expect((await loginFrom(server, '127.0.0.2', 'caseworker.gt', DEMO_PASSWORD)).status).toBe(200);
    expect((await loginFrom(server, '127.0.0.2', 'nadie.x', 'una clave cualquiera')).status).toBe(401);
    // and an address a client claims for itself is not believed when no proxy is named
    const spoofed = { 'x-forwarded-for': '203.0.113.9' };
    expect((await loginFrom(server, '127.0.0.1', 'caseworker.gt', DEMO_PASSWORD, spoofed)).status).toBe(429);
  });
});

describe('behind a proxy named in RUTA_TRUST_PROXY', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      file: import.meta.url,
      config: { loginMaxFailures: 100, loginMaxFailuresPerAddress: 3, trustProxy: 'loopback' },
    });
  });
  afterAll(async () => server?.close());

  it('failed logins are limited per client address the proxy forwards, not for everyone behind it', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await loginFrom(server, '127.0.0.1', `nadie.${i}`, 'otra clave', from('203.0.113.7'))).status,
      );
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(
      (await loginFrom(server, '127.0.0.1', 'caseworker.gt', DEMO_PASSWORD, from('203.0.113.8'))).status,
    ).toBe(200);
  });
});

describe('a flood of logins with made-up names from many addresses', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      file: import.meta.url,
      // scrypt at a cost where a check takes tens of milliseconds, as in production
      config: { passwordCost: 15, loginMaxFailures: 10_000, loginMaxFailuresPerAddress: 10_000 },
    });
  }, 120_000);
  afterAll(async () => server?.close());

  it('is refused beyond a few checks at once with 429 and Retry-After, and a real login still gets in', async () => {
    const flood = Array.from({ length: 300 }, (_, i) =>
      loginFrom(server, `127.0.${1 + (i % 200)}.${1 + (i % 7)}`, `inventado.${i}`, 'una clave cualquiera'),
    );
    // a moment later, while the flood is being checked, a case worker logs in
    await new Promise((r) => setTimeout(r, 20));
    let real = await loginFrom(server, '127.0.0.1', 'caseworker.gt', DEMO_PASSWORD);
    const answers = await Promise.all(flood);

    const busy = answers.filter((a) => a.status === 429);
    // how many are refused depends on how fast the checks end while the flood arrives; at
    // least the flood beyond the cap's first round is
    expect(busy.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status !== 429 && a.status !== 401)).toEqual([]);
    for (const a of busy) {
      expect(a.body.error.code).toBe('logins-busy');
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    expect(busy[0]!.body.error.message).toMatch(
      /as many passwords as it can at once; try again in \d+ seconds/,
    );
    expect([200, 429]).toContain(real.status);
    if (real.status === 429) {
      expect(real.body.error.code).toBe('logins-busy');
      real = await loginFrom(server, '127.0.0.1', 'caseworker.gt', DEMO_PASSWORD);
    }
    expect(real.status).toBe(200);
  }, 60_000);
});
