// Who made this person a supervisor, and which account is being guessed at: every creation,
// change and new password of an account, and every login, logout and failed login, is in the
// account log, which administrators read for their own country.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/apiClient.js';
import type { AdminUser } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface Entry {
  id: string;
  at: string;
  action: string;
  actorUsername: string | null;
  userId: string | null;
  username: string;
  country: string;
  changes: { field: string; from: unknown; to: unknown }[];
  address: string | null;
}

const PASSWORD = 'maíz frijol y café';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

describe('the account log', () => {
  it('says who created, promoted and re-passworded an account, and each login, failed login and logout', async () => {
    const admin = await server.as('admin.gt');
    const created = await admin.post<AdminUser>('/api/users', {
      username: 'lucia.xol.gt',
      name: 'Lucía Xol',
      role: 'caseworker',
      country: 'GT',
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const promoted = await admin.put<AdminUser>(`/api/users/${id}`, {
      name: 'Lucía Xol',
      role: 'supervisor',
      disabled: false,
      expectedUpdatedAt: created.body.updatedAt,
    });
    expect(promoted.status).toBe(200);
    expect(
      (await admin.post(`/api/users/${id}/password`, { password: 'otra clave de tres palabras' })).status,
    ).toBe(204);
    const anonymous = new ApiClient(server.url);
    expect(
      (await anonymous.post('/api/auth/login', { username: 'lucia.xol.gt', password: PASSWORD })).status,
    ).toBe(401);
    const login = await anonymous.post<{ token: string }>('/api/auth/login', {
      username: 'lucia.xol.gt',
      password: 'otra clave de tres palabras',
    });
    expect(login.status).toBe(200);
    expect((await new ApiClient(server.url, login.body.token).post('/api/auth/logout')).status).toBe(204);

    const log = await admin.get<Entry[]>(`/api/account-log?userId=${id}`);
    expect(log.status).toBe(200);
    expect(log.body.map((e) => [e.action, e.actorUsername])).toEqual([
      ['logout', 'lucia.xol.gt'],
      ['login', 'lucia.xol.gt'],
      ['login-failed', null],
      ['password-set', 'admin.gt'],
      ['user-changed', 'admin.gt'],
      ['user-created', 'admin.gt'],
    ]);
    expect(log.body.every((e) => e.username === 'lucia.xol.gt' && e.country === 'GT')).toBe(true);
    expect(log.body[4]!.changes).toEqual([{ field: 'role', from: 'caseworker', to: 'supervisor' }]);
    expect(log.body[5]!.changes).toEqual([
      { field: 'name', from: null, to: 'Lucía Xol' },
      { field: 'role', from: null, to: 'caseworker' },
    ]);
    expect(log.body[2]!.address).toBeTruthy();
    // No password, however it is looked for.
    expect(JSON.stringify(log.body)).not.toContain('clave');
    expect(JSON.stringify(log.body)).not.toContain('frijol');

    // In pages, newest first, as long as asked.
    const first = await admin.get<Entry[]>(`/api/account-log?userId=${id}&limit=4`);
    const next = first.headers.get('x-next-cursor');
    expect(next).toBeTruthy();
    const second = await admin.get<Entry[]>(`/api/account-log?userId=${id}&limit=4&after=${next}`);
    expect([...first.body, ...second.body].map((e) => e.id)).toEqual(log.body.map((e) => e.id));
    expect(second.headers.get('x-next-cursor')).toBeNull();
  });

  it('is read by the administrators of the account’s country and regional ones only', async () => {
    const gt = (await (await server.as('admin.gt')).get<Entry[]>('/api/account-log')).body;
    expect(gt.length).toBeGreaterThan(0);
    expect(gt.every((e) => e.country === 'GT')).toBe(true);
    const sv = (await (await server.as('admin.sv')).get<Entry[]>('/api/account-log')).body;
    expect(sv.some((e) => e.username === 'lucia.xol.gt')).toBe(false);
    const regional = (await (await server.as('admin.regional')).get<Entry[]>('/api/account-log')).body;
    expect(regional.some((e) => e.username === 'lucia.xol.gt')).toBe(true);
    expect((await (await server.as('supervisor.gt')).get('/api/account-log')).status).toBe(403);
  });

  it('keeps failed logins under names no account has for regional administrators', async () => {
    const r = await new ApiClient(server.url).post('/api/auth/login', {
      username: 'nadie.gt',
      password: 'x',
    });
    expect(r.status).toBe(401);
    const regional = (await (await server.as('admin.regional')).get<Entry[]>('/api/account-log')).body;
    expect(regional.find((e) => e.username === 'n••••••• (8)')).toMatchObject({
      action: 'login-failed',
      userId: null,
      country: 'REGIONAL',
    });
    const gt = (await (await server.as('admin.gt')).get<Entry[]>('/api/account-log')).body;
    expect(gt.some((e) => e.username.startsWith('n•'))).toBe(false);
  });

  it('never keeps in clear what was typed as a user name no account has (it may be a password)', async () => {
    const typed = 'Mi-Contraseña-Secreta-2026';
    const r = await new ApiClient(server.url).post('/api/auth/login', { username: typed, password: 'x' });
    expect(r.status).toBe(401);
    const regional = await (await server.as('admin.regional')).get<Entry[]>('/api/account-log');
    const text = JSON.stringify(regional.body);
    expect(text).not.toContain('contraseña-secreta');
    expect(text).not.toContain('Contraseña');
    expect(
      regional.body.find((e) => e.action === 'login-failed' && e.username.endsWith('(26)')),
    ).toMatchObject({
      username: `m${'•'.repeat(25)} (26)`,
      userId: null,
    });
  });
});
