import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seedData.js';
import { ApiClient } from './helpers/apiClient.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, config: { loginMaxFailures: 5 } });
});
afterAll(async () => server?.close());

describe('logging in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie that works like the bearer token', async () => {
    const r = await server
      .anonymous()
      .post<{ token: string; user: { username: string; role: string; country: string } }>('/api/auth/login', {
        username: 'supervisor.sv',
        password: DEMO_PASSWORD,
      });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ username: 'supervisor.sv', role: 'supervisor', country: 'SV' });
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^ruta_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await server
      .anonymous()
      .request<{ user: { username: string } }>('GET', '/api/auth/me', undefined, {
        headers: { cookie: cookie.split(';')[0]! },
      });
    expect(me.body.user.username).toBe('supervisor.sv');
    const bearer = await new ApiClient(server.url, r.body.token).get<{ user: { username: string } }>(
      '/api/auth/me',
    );
    expect(bearer.body.user.username).toBe('supervisor.sv');
  });

  it('stores no password and no token in the database', async () => {
    const user = await server.services.models.users.findOne({ username: 'supervisor.sv' }).lean().exec();
    expect(user!.passwordHash).toMatch(/^scrypt:\d+:[0-9a-f]{64}$/);
    expect(JSON.stringify(user)).not.toContain(DEMO_PASSWORD);
    const r = await server
      .anonymous()
      .post<{ token: string }>('/api/auth/login', { username: 'auditor.sv', password: DEMO_PASSWORD });
    const sessions = await server.services.models.sessions.find({}).lean().exec();
    expect(JSON.stringify(sessions)).not.toContain(r.body.token);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await server
      .anonymous()
      .post<{ error: { message: string } }>('/api/auth/login', { username: 'nobody', password: 'x' });
    const wrong = await server
      .anonymous()
      .post<{ error: { message: string } }>('/api/auth/login', { username: 'auditor.hn', password: 'x' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('ends the session on logout', async () => {
    const client = await server.as('caseworker.sv');
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses more logins after repeated failures for a user, with 429', async () => {
    const anon = server.anonymous();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await anon.post('/api/auth/login', { username: 'admin.hn', password: `guess-${i}` })).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const right = await anon.post<{ error: { code: string } }>('/api/auth/login', {
      username: 'admin.hn',
      password: DEMO_PASSWORD,
    });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('too-many-logins');
    // Another user from the same address is not locked out.
    expect(
      (await anon.post('/api/auth/login', { username: 'admin.gt', password: DEMO_PASSWORD })).status,
    ).toBe(200);
  });

  it('takes the user name whatever its capitals and the spaces around it', async () => {
    for (const typed of ['Supervisor.GT', '  supervisor.gt ', 'SUPERVISOR.GT\t']) {
      const r = await server.anonymous().post<{ user: { username: string } }>('/api/auth/login', {
        username: typed,
        password: DEMO_PASSWORD,
      });
      expect({ typed, status: r.status }).toEqual({ typed, status: 200 });
      expect(r.body.user.username).toBe('supervisor.gt');
    }
  });

  it('counts the failed logins of one user name however it is written', async () => {
    const anon = server.anonymous();
    const typed = [' auditor.gt', 'auditor.gt ', '  Auditor.GT', 'AUDITOR.GT  ', '\tauditor.gt'];
    const statuses: number[] = [];
    for (const username of typed)
      statuses.push((await anon.post('/api/auth/login', { username, password: 'no es la clave' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const right = await anon.post<{ error: { code: string } }>('/api/auth/login', {
      username: 'auditor.gt',
      password: DEMO_PASSWORD,
    });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('too-many-logins');
  });

  it('sends security headers', async () => {
    const r = await server.anonymous().get('/api/openapi.json');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-powered-by')).toBeNull();
  });
});
