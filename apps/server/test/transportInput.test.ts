// What reaches the API below JSON: the bytes and charset of a body, its compression, the
// percent-encoding of the path, the caching of answers, and which site sent a request that
// changes something. Bad input gets a 4xx with a code and a message saying what to fix, and
// changes nothing; never a 500.
import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request, Response } from 'express';
import { pino } from 'pino';
import { createErrorHandler } from '../src/http/errorHandler.js';
import { firstInvalidUtf8Byte } from '../src/http/inputHygiene.js';
import { DEMO_PASSWORD } from '../src/seedData.js';
import type { ApiClient } from './helpers/apiClient.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface ErrorBody {
  error: { code: string; message: string; details: unknown[] };
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  body: unknown;
}

let server: TestServer;
let admin: ApiClient;
let n = 0;
const username = () => `jose.transport${n++}.gt`;
const PASSWORD = 'maíz frijol y café';

beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, config: { loginMaxFailures: 1000 } });
  admin = await server.as('admin.gt');
});
afterAll(async () => server?.close());

/** One request with exactly these bytes and headers (fetch would add or normalise some). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<RawResponse> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        if ((res.headers['content-type'] ?? '').includes('json') && text !== '') parsed = JSON.parse(text);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const err = (r: RawResponse) => (r.body as ErrorBody).error;

/** A new account's body as JSON text, for the admin to create. */
function newUser(name: string, user = username()): string {
  return JSON.stringify({ username: user, name, role: 'caseworker', country: 'GT', password: PASSWORD });
}

function asAdmin(headers: Record<string, string>): Record<string, string> {
  return { authorization: `Bearer ${admin.token}`, ...headers };
}

async function usernames(): Promise<string[]> {
  const r = await admin.get<{ username: string }[]>('/api/users');
  return r.body.map((u) => u.username);
}

/** The session cookie of a fresh login, as a Cookie header value. */
async function cookieOf(user: string): Promise<string> {
  const r = await raw(
    'POST',
    '/api/auth/login',
    { 'content-type': 'application/json' },
    Buffer.from(JSON.stringify({ username: user, password: DEMO_PASSWORD })),
  );
  expect(r.status).toBe(200);
  const setCookie = r.headers['set-cookie']?.find((c) => c.startsWith('ruta_session='));
  expect(setCookie).toBeDefined();
  return setCookie!.split(';')[0]!;
}

describe('the body is UTF-8 JSON', () => {
  it('refuses a Latin-1 body with 415 and stores nothing, instead of storing "Jos\uFFFD"', async () => {
    const user = username();
    const r = await raw(
      'POST',
      '/api/users',
      asAdmin({ 'content-type': 'application/json; charset=iso-8859-1' }),
      Buffer.from(newUser('José', user), 'latin1'),
    );
    expect(r.status).toBe(415);
    expect(err(r).code).toBe('unsupported-encoding');
    expect(err(r).message).toMatch(/iso-8859-1/);
    expect(err(r).message).toMatch(/UTF-8/);
    expect(await usernames()).not.toContain(user);
  });

  it('refuses any charset but UTF-8, however it is written', async () => {
    for (const contentType of [
      'application/json;charset="windows-1252"',
      'application/json; CHARSET=UTF-16',
      'application/json; charset=us-ascii',
    ]) {
      const r = await raw(
        'POST',
        '/api/users',
        asAdmin({ 'content-type': contentType }),
        Buffer.from(newUser('Ana')),
      );
      expect(r.status, contentType).toBe(415);
      expect(err(r).code).toBe('unsupported-encoding');
    }
  });

  it('accepts UTF-8 declared in any case and quoted, and keeps the text as sent', async () => {
    for (const contentType of ['application/json; charset="UTF-8"', 'application/json;charset=utf-8']) {
      const r = await raw(
        'POST',
        '/api/users',
        asAdmin({ 'content-type': contentType }),
        Buffer.from(newUser('José Núñez')),
      );
      expect(r.status, contentType).toBe(201);
      expect((r.body as { name: string }).name).toBe('José Núñez');
    }
  });

  it('refuses bytes that are not UTF-8 with 400 naming the offset, and stores nothing', async () => {
    const user = username();
    const body = Buffer.from(newUser('José', user), 'latin1');
    const offset = body.indexOf(0xe9);
    const r = await raw('POST', '/api/users', asAdmin({ 'content-type': 'application/json' }), body);
    expect(r.status).toBe(400);
    expect(err(r).code).toBe('invalid-utf8');
    expect(err(r).message).toContain(`byte ${offset}`);
    expect(err(r).message).toMatch(/UTF-8/);
    expect(err(r).details).toEqual([{ in: 'body', offset }]);
    expect(await usernames()).not.toContain(user);
  });

  it('finds the first byte that is not part of a UTF-8 character', () => {
    const bytes = (...parts: (string | number[])[]) =>
      Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
    expect(firstInvalidUtf8Byte(bytes('{"a":"', [0xff], '"}'))).toBe(6);
    // a byte order mark, a real U+FFFD and a four-byte character before the bad byte
    expect(firstInvalidUtf8Byte(bytes([0xef, 0xbb, 0xbf], '\uFFFD😀', [0x80]))).toBe(10);
    // an overlong encoding, a surrogate, and a sequence cut short at the end
    expect(firstInvalidUtf8Byte(bytes('ab', [0xc0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8Byte(bytes('é', [0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8Byte(bytes('abc', [0xe2, 0x82]))).toBe(3);
  });
});

describe('compressed bodies and the URL', () => {
  it('reads a gzip body that is gzip', async () => {
    const r = await raw(
      'POST',
      '/api/users',
      asAdmin({ 'content-type': 'application/json', 'content-encoding': 'gzip' }),
      zlib.gzipSync(newUser('José')),
    );
    expect(r.status).toBe(201);
    expect((r.body as { name: string }).name).toBe('José');
  });

  it('answers 400 saying the body is not valid data of its Content-Encoding, never 500', async () => {
    const cases: [string, Buffer][] = [
      ['gzip', Buffer.from(newUser('Ana'))],
      ['gzip', zlib.gzipSync(newUser('Ana')).subarray(0, 20)],
      ['deflate', Buffer.from(newUser('Ana'))],
      ['br', Buffer.from('garbage that is not brotli')],
    ];
    for (const [encoding, body] of cases) {
      const before = await usernames();
      const r = await raw(
        'POST',
        '/api/users',
        asAdmin({ 'content-type': 'application/json', 'content-encoding': encoding }),
        body,
      );
      expect(r.status, encoding).toBe(400);
      expect(err(r).code).toBe('malformed-body');
      expect(err(r).message).toContain(`not valid ${encoding} data`);
      expect(err(r).details).toEqual([{ in: 'body', encoding }]);
      expect(await usernames()).toEqual(before);
    }
  });

  it('answers 400 naming the path segment that is not valid percent-encoding, never 500', async () => {
    for (const path of ['/api/cases/%E0%A4%A', '/api/cases/%ZZ', '/api/cases/%C0%80/history']) {
      const r = await raw('GET', path, asAdmin({}));
      expect(r.status, path).toBe(400);
      expect(err(r).code).toBe('malformed-url');
      const segment = path.split('/')[3]!;
      expect(err(r).message).toContain(`"${segment}"`);
      expect(err(r).message).toMatch(/percent-encoding/);
    }
  });
});

describe('errors of the HTTP layer', () => {
  /** The status and body the error handler answers for an error some middleware passed on. */
  function answer(error: unknown): { status: number; body: ErrorBody } {
    const out = { status: 0, body: undefined as unknown as ErrorBody };
    const res = {
      headersSent: false,
      status(s: number) {
        out.status = s;
        return res;
      },
      json(b: ErrorBody) {
        out.body = b;
        return res;
      },
    };
    const req = { id: 'r1', path: '/api/x', headers: {} };
    createErrorHandler(pino({ level: 'silent' }))(
      error,
      req as unknown as Request,
      res as unknown as Response,
      () => undefined,
    );
    return out;
  }

  it('answers any other 4xx it may show with its status and a code, and hides the rest as 500', () => {
    const notAllowed = answer(
      Object.assign(new Error('Method not allowed here'), { status: 405, expose: true }),
    );
    expect(notAllowed.status).toBe(405);
    expect(notAllowed.body.error.code).toBe('bad-request');
    expect(notAllowed.body.error.message).toContain('Method not allowed here');
    const quiet = answer(Object.assign(new Error('secret detail'), { statusCode: 400 }));
    expect(quiet.status).toBe(400);
    expect(quiet.body.error.message).not.toContain('secret detail');
    for (const hidden of [
      Object.assign(new Error('secret detail'), { status: 400, expose: false }),
      Object.assign(new Error('secret detail'), { status: 503, expose: true }),
      new Error('secret detail'),
    ]) {
      const r = answer(hidden);
      expect(r.status).toBe(500);
      expect(r.body.error.code).toBe('unexpected');
      expect(r.body.error.message).not.toContain('secret detail');
    }
  });
});

describe('caching', () => {
  it('marks every /api answer no-store: data, empty answers and errors', async () => {
    const worker = await server.as('caseworker.gt');
    const auth = { authorization: `Bearer ${worker.token}` };
    const answers = [
      await raw('GET', '/api/auth/me', auth),
      await raw('GET', '/api/cases', auth),
      await raw('GET', '/api/cases/65f1c0ffee0000000000abcd', auth),
      await raw('GET', '/api/no-such-thing', auth),
      await raw('GET', '/api/auth/me'),
      await raw('POST', '/api/cases', { ...auth, 'content-type': 'application/json' }, Buffer.from('{')),
      await raw('GET', '/api/openapi.json'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 404, 404, 401, 400, 200]);
    for (const a of answers) expect(a.headers['cache-control']).toBe('no-store');
  });

  it('keeps ETags and conditional requests working', async () => {
    const auth = { authorization: `Bearer ${admin.token}` };
    const first = await raw('GET', '/api/users', auth);
    const etag = first.headers.etag;
    expect(etag).toBeDefined();
    const again = await raw('GET', '/api/users', { ...auth, 'if-none-match': etag! });
    expect(again.status).toBe(304);
  });
});

describe('requests that change something from another site', () => {
  const attacker = { origin: 'http://attacker.example', 'content-type': 'text/plain' };

  async function loggedIn(cookie: string): Promise<boolean> {
    return (await raw('GET', '/api/auth/me', { cookie })).status === 200;
  }

  it('refuses a cookie request whose Origin is another site, and changes nothing', async () => {
    const cookie = await cookieOf('focalpoint.gt');
    for (const origin of [
      'http://attacker.example',
      'null',
      // the same host on another port is another origin
      `http://127.0.0.1:${Number(new URL(server.url).port) + 1}`,
    ]) {
      const r = await raw('POST', '/api/auth/logout', { ...attacker, origin, cookie });
      expect(r.status, origin).toBe(403);
      expect(err(r).code).toBe('cross-site-request');
      expect(err(r).message).toContain(origin);
      expect(err(r).details).toEqual([{ header: 'origin', value: origin }]);
    }
    expect(await loggedIn(cookie)).toBe(true);
  });

  it('refuses a cookie request without Origin when Sec-Fetch-Site says cross-site', async () => {
    const cookie = await cookieOf('focalpoint.gt');
    const r = await raw('POST', '/api/auth/logout', { 'sec-fetch-site': 'cross-site', cookie });
    expect(r.status).toBe(403);
    expect(err(r).code).toBe('cross-site-request');
    expect(await loggedIn(cookie)).toBe(true);
  });

  it('refuses the other cookie writes too: a notification mark, a handover decision, a new case', async () => {
    const cookie = await cookieOf('caseworker.gt');
    const before = (await raw('GET', '/api/cases', { cookie })).text;
    const writes: [string, Buffer | undefined][] = [
      ['/api/notifications/65f1c0ffee0000000000abcd/read', undefined],
      ['/api/handovers/65f1c0ffee0000000000abcd/accept', Buffer.from('{}')],
      ['/api/cases', Buffer.from('{"protocol":{"id":"child-repatriation-gt","version":1}}')],
    ];
    for (const [path, body] of writes) {
      const r = await raw('POST', path, { ...attacker, cookie }, body);
      expect(r.status, path).toBe(403);
      expect(err(r).code).toBe('cross-site-request');
    }
    expect((await raw('GET', '/api/cases', { cookie })).text).toBe(before);
  });

  it('refuses a login posted from another site', async () => {
    const r = await raw(
      'POST',
      '/api/auth/login',
      { ...attacker, 'content-type': 'application/json' },
      Buffer.from(JSON.stringify({ username: 'caseworker.gt', password: DEMO_PASSWORD })),
    );
    expect(r.status).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('accepts the web app’s own requests, reads from anywhere, and bearer tokens', async () => {
    const cookie = await cookieOf('focalpoint.gt');
    // reads are not refused, whatever the Origin
    expect((await raw('GET', '/api/auth/me', { ...attacker, cookie })).status).toBe(200);
    // a bearer token cannot be sent by another site's page, so its Origin does not matter
    const token = (await server.as('supervisor.gt')).token!;
    const bearer = await raw('GET', '/api/notifications', { ...attacker, authorization: `Bearer ${token}` });
    expect(bearer.status).toBe(200);
    // a proxy may rewrite Host; the browser's Sec-Fetch-Site: same-origin is believed
    const proxied = await raw('POST', '/api/auth/logout', {
      origin: 'https://ruta.example',
      'sec-fetch-site': 'same-origin',
      cookie: await cookieOf('focalpoint.gt'),
    });
    expect(proxied.status).toBe(204);
    // the same origin, as the web app sends it
    const own = await raw('POST', '/api/auth/logout', {
      origin: server.url,
      'sec-fetch-site': 'same-origin',
      cookie,
    });
    expect(own.status).toBe(204);
    expect(await loggedIn(cookie)).toBe(false);
    // the same origin without Sec-Fetch-Site (an older browser)
    const other = await cookieOf('focalpoint.gt');
    expect((await raw('POST', '/api/auth/logout', { origin: server.url, cookie: other })).status).toBe(204);
    expect(await loggedIn(other)).toBe(false);
  });
});
