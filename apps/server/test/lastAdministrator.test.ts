// A jurisdiction keeps at least one enabled administrator: the last one is neither disabled nor
// given another role (409 last-admin), also when two regional administrators disable each other
// at the same moment, which used to leave the region with none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/apiClient.js';
import type { AdminUser } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface ErrorBody {
  error: { code: string; message: string; details: unknown[] };
}

const PASSWORD = 'maíz frijol y café';
let server: TestServer;
let regionalAdmin: ApiClient;
let n = 0;

beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, config: { loginMaxFailures: 1000 } });
  regionalAdmin = await server.as('admin.regional');
});
afterAll(async () => server?.close());

/** An account as a regional administrator (`by`, admin.regional by default) lists it. */
async function account(username: string, by = regionalAdmin): Promise<AdminUser> {
  const list = await by.get<AdminUser[]>('/api/users');
  return list.body.find((u) => u.username === username)!;
}

/** Changes an account as `by` saw it a moment before. */
async function change(by: ApiClient, username: string, to: { role?: string; disabled?: boolean }) {
  const u = await account(username, by);
  return by.put<AdminUser & ErrorBody>(`/api/users/${u.id}`, {
    name: u.name,
    role: to.role ?? u.role,
    disabled: to.disabled ?? u.disabled,
    expectedUpdatedAt: u.updatedAt,
  });
}

async function newAdmin(country: string): Promise<AdminUser> {
  const r = await regionalAdmin.post<AdminUser>('/api/users', {
    username: `admin.extra${n++}.${country.toLowerCase()}`,
    name: 'Otra Administradora',
    role: 'admin',
    country,
    password: PASSWORD,
  });
  expect(r.status).toBe(201);
  return r.body;
}

/** The password each account chose at its first login. */
const chosenPasswords = new Map<string, string>();

async function loginAs(username: string): Promise<ApiClient> {
  const own = chosenPasswords.get(username);
  const r = await server
    .anonymous()
    .post<{ token: string }>('/api/auth/login', { username, password: own ?? PASSWORD });
  expect(r.status).toBe(200);
  if (own) return new ApiClient(server.url, r.body.token);
  // A new account chooses its own password first.
  const chosen = await new ApiClient(server.url, r.body.token).post<{ token: string }>('/api/auth/password', {
    currentPassword: PASSWORD,
    newPassword: 'su propia clave de siempre',
  });
  expect(chosen.status).toBe(200);
  chosenPasswords.set(username, 'su propia clave de siempre');
  return new ApiClient(server.url, chosen.body.token);
}

async function enabledAdmins(country: string, by = regionalAdmin): Promise<string[]> {
  const list = await by.get<AdminUser[]>(`/api/users?country=${country}&role=admin`);
  return list.body.filter((u) => !u.disabled).map((u) => u.username);
}

describe('the last enabled administrator of a jurisdiction', () => {
  it('is not disabled nor given another role, and says what to do first', async () => {
    expect(await enabledAdmins('HN')).toEqual(['admin.hn']);
    const before = await account('admin.hn');
    const disable = await change(regionalAdmin, 'admin.hn', { disabled: true });
    expect(disable.status).toBe(409);
    expect(disable.body.error.code).toBe('last-admin');
    expect(disable.body.error.message).toMatch(/last enabled administrator of HN: enable or create another/);
    expect(disable.body.error.details).toEqual([{ country: 'HN' }]);
    const demote = await change(regionalAdmin, 'admin.hn', { role: 'supervisor' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last-admin');
    expect(await account('admin.hn')).toEqual(before);
    // its sessions were left alone
    expect((await (await server.as('admin.hn')).get('/api/auth/me')).status).toBe(200);

    // With another administrator of Honduras, it can be disabled, and enabled again.
    await newAdmin('HN');
    expect((await change(regionalAdmin, 'admin.hn', { disabled: true })).status).toBe(200);
    expect((await change(regionalAdmin, 'admin.hn', { disabled: false })).status).toBe(200);
  });

  it('a disabled administrator does not count, and may be changed freely', async () => {
    const extra = await newAdmin('MX');
    expect((await change(regionalAdmin, extra.username, { disabled: true })).status).toBe(200);
    expect(await enabledAdmins('MX')).toEqual(['admin.mx']);
    expect((await change(regionalAdmin, 'admin.mx', { disabled: true })).status).toBe(409);
    expect((await change(regionalAdmin, extra.username, { role: 'auditor' })).status).toBe(200);
  });

  it('two regional administrators disabling each other at once leave one enabled', async () => {
    const other = await newAdmin('REGIONAL');
    for (let round = 0; round < 6; round++) {
      server.forgetLogins();
      const mine = await server.as('admin.regional');
      const theirs = await loginAs(other.username);
      expect((await enabledAdmins('REGIONAL', mine)).sort()).toEqual(
        ['admin.regional', other.username].sort(),
      );
      const [a, b] = await Promise.all([
        change(mine, other.username, { disabled: true }),
        change(theirs, 'admin.regional', { disabled: true }),
      ]);
      // One is done; the other is refused as taking the last administrator away (or, when its
      // author was disabled a moment before, as no longer logged in).
      const statuses = [a.status, b.status];
      expect(
        statuses.filter((s) => s === 200),
        JSON.stringify([a.body, b.body]),
      ).toHaveLength(1);
      expect(statuses.filter((s) => s === 409 || s === 401)).toHaveLength(1);
      const refused = a.status === 200 ? b : a;
      if (refused.status === 409) expect(refused.body.error.code).toBe('last-admin');
      const survivor = a.status === 200 ? mine : theirs;
      const left = await enabledAdmins('REGIONAL', survivor);
      expect(left).toEqual([a.status === 200 ? 'admin.regional' : other.username]);

      // the one left enables the other again for the next round
      const disabled = a.status === 200 ? other.username : 'admin.regional';
      expect((await change(survivor, disabled, { disabled: false })).status).toBe(200);
    }
    server.forgetLogins();
    regionalAdmin = await server.as('admin.regional');
  });
});
