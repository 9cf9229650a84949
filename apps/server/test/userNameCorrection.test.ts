// A person's full name was mistyped when their account was created: an administrator corrects it
// (their country's accounts; a regional one everyone's). The correction is in the account log,
// keeps the person's sessions (nothing they may do changed), is refused with what to fix when the
// name is empty or too long, and is refused when someone else changed the account meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/apiClient.js';
import { dbSnapshot } from './helpers/dbSnapshot.js';
import type { AdminUser } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface ErrorBody {
  error: { code: string; message: string; details: { path?: string }[] };
}
interface Entry {
  action: string;
  actorUsername: string | null;
  changes: { field: string; from: unknown; to: unknown }[];
}

const PASSWORD = 'maíz frijol y café';
let server: TestServer;
let gtAdmin: ApiClient;
let n = 0;

beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, config: { loginMaxFailures: 1000 } });
  gtAdmin = await server.as('admin.gt');
});
afterAll(async () => server?.close());

async function create(by: ApiClient, country = 'GT'): Promise<AdminUser> {
  const r = await by.post<AdminUser>('/api/users', {
    username: `rosa.ixcot${n++}.${country.toLowerCase()}`,
    name: 'Rosa Icxot',
    role: 'caseworker',
    country,
    password: PASSWORD,
  });
  expect(r.status).toBe(201);
  return r.body;
}

function rename(by: ApiClient, u: AdminUser, name: string, expectedUpdatedAt = u.updatedAt) {
  return by.put<AdminUser & ErrorBody>(`/api/users/${u.id}`, {
    name,
    role: u.role,
    disabled: u.disabled,
    expectedUpdatedAt,
  });
}

describe('correcting a person’s full name', () => {
  it('changes the name only, keeps their sessions, and says who corrected it from what in the account log', async () => {
    const u = await create(gtAdmin);
    const login = await server
      .anonymous()
      .post<{ token: string }>('/api/auth/login', { username: u.username, password: PASSWORD });
    const session = new ApiClient(server.url, login.body.token);

    const r = await rename(gtAdmin, u, '  Rosa Ixcot  ');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'Rosa Ixcot', role: 'caseworker', disabled: false });
    expect(r.body.updatedAt).not.toBeNull();
    expect((await session.get('/api/auth/me')).status).toBe(200);

    const log = await gtAdmin.get<Entry[]>(`/api/account-log?userId=${u.id}`);
    expect(log.body[0]).toMatchObject({
      action: 'user-changed',
      actorUsername: 'admin.gt',
      changes: [{ field: 'name', from: 'Rosa Icxot', to: 'Rosa Ixcot' }],
    });
  });

  it('refuses an empty or too long name saying what to write, and changes nothing', async () => {
    const u = await create(gtAdmin);
    const before = await dbSnapshot(server.services);
    for (const [name, message] of [
      ['   ', /give the person’s full name/],
      ['R'.repeat(121), /at most 120 characters/],
    ] as const) {
      const r = await rename(gtAdmin, u, name);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalid-input');
      expect(r.body.error.details).toEqual([expect.objectContaining({ path: 'name' })]);
      expect(r.body.error.message).toMatch(message);
    }
    expect(await dbSnapshot(server.services)).toEqual(before);
  });

  it('is refused when someone else changed the account meanwhile', async () => {
    const u = await create(gtAdmin);
    const regional = await server.as('admin.regional');
    expect((await rename(regional, u, 'Rosa María Ixcot')).status).toBe(200);
    const stale = await rename(gtAdmin, u, 'Rosa Ixcot');
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale-user');
    const listed = (await gtAdmin.get<AdminUser[]>('/api/users')).body.find((x) => x.id === u.id);
    expect(listed?.name).toBe('Rosa María Ixcot');
  });

  it('is for the administrators of the account’s country and the regional ones only', async () => {
    const regional = await server.as('admin.regional');
    const sv = await create(regional, 'SV');
    const before = await dbSnapshot(server.services);
    const foreign = await rename(gtAdmin, sv, 'Rosa Ixcot');
    expect(foreign.status).toBe(404);
    expect(await dbSnapshot(server.services)).toEqual(before);
    const byRegional = await rename(regional, sv, 'Rosa Ixcot');
    expect(byRegional.status).toBe(200);
    expect(byRegional.body.name).toBe('Rosa Ixcot');
    // A caseworker cannot correct anyone's name, their own included.
    const caseworker = await server.as('caseworker.gt');
    const me = (await caseworker.get<{ user: AdminUser }>('/api/auth/me')).body.user;
    expect(
      (
        await caseworker.put(`/api/users/${me.id}`, {
          name: 'Otro nombre',
          role: 'caseworker',
          disabled: false,
          expectedUpdatedAt: null,
        })
      ).status,
    ).toBe(403);
  });
});
