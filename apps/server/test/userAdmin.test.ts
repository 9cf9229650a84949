import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/apiClient.js';
import { dbSnapshot } from './helpers/dbSnapshot.js';
import type { AdminUser } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface ErrorBody {
  error: { code: string; message: string; details: { updatedAt?: string | null }[] };
}

let server: TestServer;
let gtAdmin: ApiClient;
let regionalAdmin: ApiClient;
let n = 0;
const username = () => `ana.lopez${n++}.gt`;
const PASSWORD = 'maíz frijol y café';

beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, config: { loginMaxFailures: 1000 } });
  gtAdmin = await server.as('admin.gt');
  regionalAdmin = await server.as('admin.regional');
});
afterAll(async () => server?.close());

async function create(by: ApiClient, body: Record<string, unknown> = {}): Promise<AdminUser> {
  const r = await by.post<AdminUser>('/api/users', {
    username: username(),
    name: 'Ana López',
    role: 'caseworker',
    country: 'GT',
    password: PASSWORD,
    ...body,
  });
  expect(r.status).toBe(201);
  return r.body;
}

async function login(name: string, password = PASSWORD) {
  return server
    .anonymous()
    .post<{ token: string } & ErrorBody>('/api/auth/login', { username: name, password });
}

describe('user administration', () => {
  it('creates an account that logs in with its role and country, and lists it for its country only', async () => {
    const u = await create(gtAdmin);
    expect(u).toMatchObject({ name: 'Ana López', role: 'caseworker', country: 'GT', disabled: false });
    const r = await login(u.username);
    expect(r.status).toBe(200);
    const me = await new ApiClient(server.url, r.body.token).get<{ user: AdminUser }>('/api/auth/me');
    expect(me.body.user).toMatchObject({ username: u.username, role: 'caseworker', country: 'GT' });

    const gtList = await gtAdmin.get<AdminUser[]>('/api/users');
    expect(gtList.body.map((x) => x.username)).toContain(u.username);
    expect(new Set(gtList.body.map((x) => x.country))).toEqual(new Set(['GT']));
    expect(JSON.stringify(gtList.body)).not.toMatch(/passwordHash|passwordSalt|scrypt/);
    const svList = await (await server.as('admin.sv')).get<AdminUser[]>('/api/users');
    expect(svList.body.map((x) => x.username)).not.toContain(u.username);
    const everyone = await regionalAdmin.get<AdminUser[]>('/api/users?role=caseworker');
    expect(everyone.body.map((x) => x.username)).toEqual(
      expect.arrayContaining([u.username, 'caseworker.sv', 'caseworker.hn']),
    );
    expect(new Set(everyone.body.map((x) => x.role))).toEqual(new Set(['caseworker']));
  });

  it('disabling an account ends its sessions at once and refuses its next login; enabling lets it back', async () => {
    const u = await create(gtAdmin);
    const session = new ApiClient(server.url, (await login(u.username)).body.token);
    expect((await session.get('/api/auth/me')).status).toBe(200);

    const off = await gtAdmin.put<AdminUser>(`/api/users/${u.id}`, {
      name: u.name,
      role: u.role,
      disabled: true,
      expectedUpdatedAt: u.updatedAt,
    });
    expect(off.body.disabled).toBe(true);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    const refused = await login(u.username);
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toMatch(/disabled/);

    await gtAdmin.put(`/api/users/${u.id}`, {
      name: u.name,
      role: u.role,
      disabled: false,
      expectedUpdatedAt: off.body.updatedAt,
    });
    expect((await login(u.username)).status).toBe(200);
  });

  it('a change of role ends the sessions opened with the old one', async () => {
    const u = await create(gtAdmin);
    const session = new ApiClient(server.url, (await login(u.username)).body.token);
    const r = await gtAdmin.put<AdminUser>(`/api/users/${u.id}`, {
      name: 'Ana María López',
      role: 'supervisor',
      disabled: false,
      expectedUpdatedAt: u.updatedAt,
    });
    expect(r.body).toMatchObject({ name: 'Ana María López', role: 'supervisor' });
    expect((await session.get('/api/auth/me')).status).toBe(401);
    const again = new ApiClient(server.url, (await login(u.username)).body.token);
    expect((await again.get<{ user: AdminUser }>('/api/auth/me')).body.user.role).toBe('supervisor');
  });

  it('a new password replaces the old one and ends the sessions', async () => {
    const u = await create(gtAdmin);
    const session = new ApiClient(server.url, (await login(u.username)).body.token);
    const r = await gtAdmin.post(`/api/users/${u.id}/password`, { password: 'tortilla con sal y limón' });
    expect(r.status).toBe(204);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await login(u.username)).status).toBe(401);
    expect((await login(u.username, 'tortilla con sal y limón')).status).toBe(200);
  });

  it('a new password set while another administrator edits the account stays the password', async () => {
    // The password of an account thought stolen is changed while a colleague corrects its name:
    // the name change must not write the old password back.
    for (let round = 0; round < 3; round++) {
      const u = await create(gtAdmin);
      const fresh = `nueva clave segura ${round}`;
      // Name changes one after another, each on the account as the last answer left it, while
      // the password is hashed and stored (which changes updatedAt: a rename then gets 409 and
      // goes on from the updatedAt it is told).
      let stop = false;
      const statuses: number[] = [];
      const renames = (async () => {
        let seen = u.updatedAt;
        for (let i = 0; !stop && i < 200; i++) {
          const r = await regionalAdmin.put<AdminUser & ErrorBody>(`/api/users/${u.id}`, {
            name: `Ana María López ${i}`,
            role: u.role,
            disabled: false,
            expectedUpdatedAt: seen,
          });
          statuses.push(r.status);
          seen = r.status === 200 ? r.body.updatedAt : (r.body.error.details[0]?.updatedAt ?? null);
        }
      })();
      const changed = gtAdmin.post(`/api/users/${u.id}/password`, { password: fresh });
      expect((await changed).status).toBe(204);
      stop = true;
      await renames;
      expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
      expect((await login(u.username)).status).toBe(401);
      expect((await login(u.username, fresh)).status).toBe(200);
    }
  });

  it('a password reset also ends a session being opened with the old password at that moment', async () => {
    const u = await create(gtAdmin);
    for (let round = 0; round < 12; round++) {
      const old = round === 0 ? PASSWORD : `otra clave segura ${round - 1}`;
      const fresh = `otra clave segura ${round}`;
      // The login starts at another moment of the reset each round (hashing a password takes a
      // while), so that in some rounds it reads the old password before the reset stores the new one.
      const reset = gtAdmin.post(`/api/users/${u.id}/password`, { password: fresh });
      await new Promise((r) => setTimeout(r, round * 2));
      const opened = await login(u.username, old);
      expect((await reset).status).toBe(204);
      if (opened.status === 200) {
        const me = await new ApiClient(server.url, opened.body.token).get('/api/auth/me');
        expect(me.status, `round ${round}: a session opened with the old password outlived the reset`).toBe(
          401,
        );
      } else expect(opened.status).toBe(401);
    }
  });

  it('keeps a country administrator to their country and nobody from locking themselves out', async () => {
    const sv = await create(regionalAdmin, { country: 'SV' });
    expect(
      (
        await gtAdmin.put(`/api/users/${sv.id}`, {
          name: 'x',
          role: 'caseworker',
          disabled: true,
          expectedUpdatedAt: sv.updatedAt,
        })
      ).status,
    ).toBe(404);
    expect((await gtAdmin.post(`/api/users/${sv.id}/password`, { password: PASSWORD })).status).toBe(404);
    const foreign = await gtAdmin.post<ErrorBody>('/api/users', {
      username: username(),
      name: 'X',
      role: 'caseworker',
      country: 'SV',
      password: PASSWORD,
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toMatch(/regional administrator/);
    expect((await gtAdmin.get('/api/users?country=SV')).status).toBe(403);

    const me = (await gtAdmin.get<{ user: { id: string } }>('/api/auth/me')).body.user;
    const mine = (await gtAdmin.get<AdminUser[]>('/api/users')).body.find((x) => x.id === me.id)!;
    const self = await gtAdmin.put<ErrorBody>(`/api/users/${me.id}`, {
      name: 'Admin GT',
      role: 'admin',
      disabled: true,
      expectedUpdatedAt: mine.updatedAt,
    });
    expect(self.status).toBe(400);
    expect(self.body.error.code).toBe('own-account');
  });

  it('refuses a user name of another country’s account exactly as one of its own, so as not to reveal it', async () => {
    const before = await dbSnapshot(server.services);
    const refusal = async (name: string) => {
      const r = await gtAdmin.post<ErrorBody>('/api/users', {
        username: name,
        name: 'Otra persona',
        role: 'caseworker',
        country: 'GT',
        password: PASSWORD,
      });
      return { status: r.status, body: JSON.stringify(r.body).replaceAll(name, '<name>') };
    };
    // caseworker.sv is El Salvador's: a Guatemalan administrator cannot list it, nor learn it exists.
    const foreign = await refusal('caseworker.sv');
    const own = await refusal('caseworker.gt');
    expect(foreign.status).toBe(409);
    expect(foreign).toEqual(own);
    expect(foreign.body).not.toMatch(/SV|Salvador|exist|taken|another country/i);
    expect(JSON.parse(foreign.body).error).toMatchObject({
      code: 'username-unavailable',
      message: 'The user name "<name>" is not available: choose another one.',
    });
    expect(await dbSnapshot(server.services)).toEqual(before);
  });

  it('refuses bad accounts with a message saying what to change, and writes nothing', async () => {
    const before = await dbSnapshot(server.services);
    const taken = await gtAdmin.post<ErrorBody>('/api/users', {
      username: 'caseworker.gt',
      name: 'X',
      role: 'caseworker',
      country: 'GT',
      password: PASSWORD,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({
      code: 'username-unavailable',
      message: 'The user name "caseworker.gt" is not available: choose another one.',
      details: [{ username: 'caseworker.gt' }],
    });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ password: 'corta' }, /at least 12 characters/],
      [{ username: 'pedro.ramos.gt', password: 'soy-pedro.ramos.gt' }, /must not contain the user name/],
      [{ username: 'Ana López' }, /lowercase letters/],
      [{ role: 'caseworker', country: 'REGIONAL' }, /give a country code/],
      [{ role: 'superuser' }, /role/],
      [{ country: 'XX' }, /country/],
      [{ name: '   ' }, /full name/],
    ];
    for (const [change, message] of cases) {
      const r = await regionalAdmin.post<ErrorBody>('/api/users', {
        username: username(),
        name: 'Ana López',
        role: 'caseworker',
        country: 'GT',
        password: PASSWORD,
        ...change,
      });
      expect({ change, status: r.status }).toEqual({ change, status: 400 });
      expect(JSON.stringify(r.body.error)).toMatch(message);
    }
    expect(await dbSnapshot(server.services)).toEqual(before);
  });
});
