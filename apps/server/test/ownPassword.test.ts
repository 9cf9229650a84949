// A password an administrator set (a new account, a forgotten password) is known to them: its
// owner must choose their own before anything else, and can change it again whenever they like.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/apiClient.js';
import type { AdminUser } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface Session {
  token: string;
  user: { username: string; mustChangePassword: boolean };
}
interface ErrorBody {
  error: { code: string; message: string };
}

const GIVEN = 'la que dio la administración';
const OWN = 'volcán de agua al amanecer';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

const login = (username: string, password: string) =>
  server.anonymous().post<Session & ErrorBody>('/api/auth/login', { username, password });

describe('choosing one’s own password', () => {
  it('is required before anything else when an administrator set the password, and ends the sessions before', async () => {
    const admin = await server.as('admin.gt');
    const created = await admin.post<AdminUser>('/api/users', {
      username: 'pedro.coj.gt',
      name: 'Pedro Coj',
      role: 'caseworker',
      country: 'GT',
      password: GIVEN,
    });
    expect(created.status).toBe(201);
    const first = await login('pedro.coj.gt', GIVEN);
    expect(first.status).toBe(200);
    expect(first.body.user.mustChangePassword).toBe(true);
    const pedro = new ApiClient(server.url, first.body.token);
    const cases = await pedro.get<ErrorBody>('/api/cases');
    expect(cases.status).toBe(403);
    expect(cases.body.error.code).toBe('password-change-required');
    expect((await pedro.get('/api/auth/me')).status).toBe(200);

    const wrong = await pedro.post<ErrorBody>('/api/auth/password', {
      currentPassword: 'no',
      newPassword: OWN,
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'wrong-password']);
    const same = await pedro.post<ErrorBody>('/api/auth/password', {
      currentPassword: GIVEN,
      newPassword: GIVEN,
    });
    expect([same.status, same.body.error.code]).toEqual([400, 'password-unchanged']);
    const short = await pedro.post<ErrorBody>('/api/auth/password', {
      currentPassword: GIVEN,
      newPassword: 'corta',
    });
    expect([short.status, short.body.error.code]).toEqual([400, 'password-too-short']);
    // Nothing changed meanwhile: the session still stands, the given password still works.
    expect((await pedro.get('/api/auth/me')).status).toBe(200);

    const chosen = await pedro.post<Session>('/api/auth/password', {
      currentPassword: GIVEN,
      newPassword: OWN,
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body.user.mustChangePassword).toBe(false);
    expect((await pedro.get('/api/auth/me')).status).toBe(401);
    const now = new ApiClient(server.url, chosen.body.token);
    expect((await now.get('/api/cases')).status).toBe(200);
    expect((await login('pedro.coj.gt', GIVEN)).status).toBe(401);
    const again = await login('pedro.coj.gt', OWN);
    expect([again.status, again.body.user.mustChangePassword]).toEqual([200, false]);

    const log = await admin.get<{ action: string; actorUsername: string | null }[]>(
      `/api/account-log?userId=${created.body.id}&limit=3`,
    );
    expect(log.body.map((e) => [e.action, e.actorUsername])).toEqual([
      ['login', 'pedro.coj.gt'],
      ['login-failed', null],
      ['password-changed', 'pedro.coj.gt'],
    ]);
  });

  it('is required again after an administrator sets a new one', async () => {
    const admin = await server.as('admin.gt');
    const list = await admin.get<AdminUser[]>('/api/users');
    const pedro = list.body.find((u) => u.username === 'pedro.coj.gt')!;
    expect((await admin.post(`/api/users/${pedro.id}/password`, { password: GIVEN })).status).toBe(204);
    const r = await login('pedro.coj.gt', GIVEN);
    expect(r.body.user.mustChangePassword).toBe(true);
    expect((await new ApiClient(server.url, r.body.token).get('/api/cases')).status).toBe(403);
  });

  it('can be changed whenever one likes, and a demo account is not asked to', async () => {
    const r = await login('caseworker.sv', 'ruta-demo');
    expect(r.body.user.mustChangePassword).toBe(false);
    const worker = new ApiClient(server.url, r.body.token);
    expect((await worker.get('/api/cases')).status).toBe(200);
    const changed = await worker.post<Session>('/api/auth/password', {
      currentPassword: 'ruta-demo',
      newPassword: OWN,
    });
    expect(changed.status).toBe(200);
    expect((await login('caseworker.sv', OWN)).status).toBe(200);
  });
});
