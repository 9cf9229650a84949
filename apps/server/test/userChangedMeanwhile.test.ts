// An administrator's change of an account is made on the account as they saw it: a change made
// meanwhile by another administrator (disabling it, another role) is refused with 409 stale-user,
// not silently undone by a change sent from the older view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './helpers/apiClient.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface AdminUser {
  id: string;
  username: string;
  name: string;
  role: string;
  disabled: boolean;
  updatedAt: string | null;
}
interface ErrorBody {
  error: {
    code: string;
    message: string;
    details: { path?: string; expectedUpdatedAt?: string | null; updatedAt?: string | null }[];
  };
}

let server: TestServer;
let gtAdmin: ApiClient;
let regionalAdmin: ApiClient;
let n = 0;

beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, config: { loginMaxFailures: 1000 } });
  gtAdmin = await server.as('admin.gt');
  regionalAdmin = await server.as('admin.regional');
});
afterAll(async () => server?.close());

async function newAccount(): Promise<AdminUser> {
  const r = await gtAdmin.post<AdminUser>('/api/users', {
    username: `mario.paz${n++}.gt`,
    name: 'Mario Paz',
    role: 'caseworker',
    country: 'GT',
    password: 'maíz frijol y café',
  });
  expect(r.status).toBe(201);
  return r.body;
}

/** The account as the administrator's list shows it now. */
async function listed(by: ApiClient, id: string): Promise<AdminUser> {
  return (await by.get<AdminUser[]>('/api/users')).body.find((u) => u.id === id)!;
}

describe('a change from an old view of an account', () => {
  it('does not enable again an account another administrator disabled meanwhile', async () => {
    const u = await newAccount();
    const seenByGt = await listed(gtAdmin, u.id);
    const seenByRegional = await listed(regionalAdmin, u.id);
    expect(seenByGt.updatedAt).toBeNull();

    const off = await regionalAdmin.put<AdminUser>(`/api/users/${u.id}`, {
      name: seenByRegional.name,
      role: seenByRegional.role,
      disabled: true,
      expectedUpdatedAt: seenByRegional.updatedAt,
    });
    expect(off.status).toBe(200);
    expect(off.body.updatedAt).not.toBeNull();

    // The GT administrator, from the list loaded before, corrects the name.
    const stale = await gtAdmin.put<ErrorBody>(`/api/users/${u.id}`, {
      name: 'Mario Paz Reyes',
      role: seenByGt.role,
      disabled: seenByGt.disabled,
      expectedUpdatedAt: seenByGt.updatedAt,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale-user');
    expect(stale.body.error.message).toMatch(/changed by someone else.*GET \/api\/users/);
    expect(stale.body.error.details).toEqual([{ expectedUpdatedAt: null, updatedAt: off.body.updatedAt }]);
    expect(await listed(gtAdmin, u.id)).toMatchObject({ name: 'Mario Paz', disabled: true });
    const login = await server
      .anonymous()
      .post<ErrorBody>('/api/auth/login', { username: u.username, password: 'maíz frijol y café' });
    expect(login.body.error.code).toBe('account-disabled');

    // Read again, the change goes through.
    const fresh = await listed(gtAdmin, u.id);
    const again = await gtAdmin.put<AdminUser>(`/api/users/${u.id}`, {
      name: 'Mario Paz Reyes',
      role: fresh.role,
      disabled: fresh.disabled,
      expectedUpdatedAt: fresh.updatedAt,
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ name: 'Mario Paz Reyes', disabled: true });
  });

  it('does not put back a role another administrator changed meanwhile', async () => {
    const u = await newAccount();
    const seen = await listed(gtAdmin, u.id);
    const promoted = await regionalAdmin.put<AdminUser>(`/api/users/${u.id}`, {
      name: seen.name,
      role: 'supervisor',
      disabled: false,
      expectedUpdatedAt: seen.updatedAt,
    });
    expect(promoted.status).toBe(200);
    const disabling = await gtAdmin.put<ErrorBody>(`/api/users/${u.id}`, {
      name: seen.name,
      role: seen.role,
      disabled: true,
      expectedUpdatedAt: seen.updatedAt,
    });
    expect(disabling.status).toBe(409);
    expect(disabling.body.error.code).toBe('stale-user');
    expect(await listed(gtAdmin, u.id)).toMatchObject({ role: 'supervisor', disabled: false });
  });

  it('of two changes sent at once from the same view, keeps exactly one', async () => {
    for (let round = 0; round < 5; round++) {
      const u = await newAccount();
      const seen = await listed(gtAdmin, u.id);
      const [a, b] = await Promise.all([
        gtAdmin.put<AdminUser>(`/api/users/${u.id}`, {
          name: seen.name,
          role: seen.role,
          disabled: true,
          expectedUpdatedAt: seen.updatedAt,
        }),
        regionalAdmin.put<AdminUser>(`/api/users/${u.id}`, {
          name: seen.name,
          role: 'supervisor',
          disabled: false,
          expectedUpdatedAt: seen.updatedAt,
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a.body : b.body;
      expect(await listed(gtAdmin, u.id)).toMatchObject({
        role: winner.role,
        disabled: winner.disabled,
        updatedAt: winner.updatedAt,
      });
    }
  });

  it('gives every change its own updatedAt, also two changes within one millisecond', async () => {
    // A clock that does not move: every change happens at the same instant.
    const frozen = await startTestServer({ file: import.meta.url, clock: () => '2026-03-01T08:00:00.000Z' });
    try {
      const admin = await frozen.as('admin.gt');
      const created = await admin.post<AdminUser>('/api/users', {
        username: 'mario.paz.gt',
        name: 'Mario Paz',
        role: 'caseworker',
        country: 'GT',
        password: 'maíz frijol y café',
      });
      let seen = created.body;
      const views: AdminUser[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await admin.put<AdminUser>(`/api/users/${seen.id}`, {
          name: `Mario Paz ${i}`,
          role: seen.role,
          disabled: false,
          expectedUpdatedAt: seen.updatedAt,
        });
        expect(r.status).toBe(200);
        views.push(r.body);
        seen = r.body;
      }
      expect(new Set(views.map((v) => v.updatedAt)).size).toBe(5);
      // a view taken between two of them is stale
      const stale = await admin.put<ErrorBody>(`/api/users/${seen.id}`, {
        name: 'Mario Paz',
        role: 'caseworker',
        disabled: true,
        expectedUpdatedAt: views[2]!.updatedAt,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('stale-user');
    } finally {
      await frozen.close();
    }
  });

  it('refuses a change without expectedUpdatedAt, saying what to send', async () => {
    const u = await newAccount();
    const r = await gtAdmin.put<ErrorBody>(`/api/users/${u.id}`, {
      name: u.name,
      role: u.role,
      disabled: true,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid-input');
    expect(r.body.error.details).toEqual([expect.objectContaining({ path: 'expectedUpdatedAt' })]);
    expect(r.body.error.message).toMatch(/updatedAt as you read it from GET \/api\/users/);
    expect((await listed(gtAdmin, u.id)).disabled).toBe(false);
  });
});
