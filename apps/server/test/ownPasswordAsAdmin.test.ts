// An administrator's own password is changed like anyone's, giving the current one: the route
// that gives other accounts a new password refuses their own. Set there, it would end their own
// session at once, and whoever found an administrator's session open could take the account
// without knowing its password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbSnapshot } from './helpers/dbSnapshot.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface ErrorBody {
  error: { code: string; message: string };
}
interface Me {
  user: { id: string; mustChangePassword: boolean };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

describe('an administrator setting a password', () => {
  it.each(['admin.gt', 'admin.regional'])(
    'cannot set their own as %s, is told where to change it, and stays logged in',
    async (username) => {
      const admin = await server.as(username);
      const me = (await admin.get<Me>('/api/auth/me')).body.user;
      const before = await dbSnapshot(server.services);

      const r = await admin.post<ErrorBody>(`/api/users/${me.id}/password`, {
        password: 'la que nadie más sabe',
      });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('own-password');
      expect(r.body.error.message).toContain('POST /api/auth/password');

      expect(await dbSnapshot(server.services)).toBe(before);
      const still = await admin.get<Me>('/api/auth/me');
      expect(still.status).toBe(200);
      expect(still.body.user.mustChangePassword).toBe(false);
      const login = await server.anonymous().post('/api/auth/login', { username, password: 'ruta-demo' });
      expect(login.status).toBe(200);
    },
  );

  it('still gives another account of the country a new password', async () => {
    const admin = await server.as('admin.gt');
    const list = await admin.get<{ id: string; username: string }[]>('/api/users');
    const other = list.body.find((u) => u.username === 'caseworker.gt')!;
    const r = await admin.post(`/api/users/${other.id}/password`, { password: 'la que nadie más sabe' });
    expect(r.status).toBe(204);
  });
});
