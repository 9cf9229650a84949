// Choosing one's own password checks the current one, so its failures count against the login
// limits: those of the logged-in user (its body names nobody), as docs/api.md says, and only
// when the current password was wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seedData.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

const MAX = 3;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, config: { loginMaxFailures: MAX } });
});
afterAll(async () => server?.close());

type ErrorBody = { error: { code: string } };

describe('the limits on choosing one’s own password', () => {
  it('count wrong current passwords against the user who sent them, not against everyone at the address', async () => {
    const guesser = await server.as('caseworker.hn');
    const codes: string[] = [];
    for (let i = 0; i <= MAX; i++) {
      const r = await guesser.post<ErrorBody>('/api/auth/password', {
        currentPassword: `guess number ${i}`,
        newPassword: 'otra clave de tres palabras',
      });
      codes.push(`${r.status} ${r.body.error.code}`);
    }
    expect(codes).toEqual([...Array<string>(MAX).fill('400 wrong-password'), '429 too-many-logins']);
    // The guesses were at caseworker.hn's password: its logins from this address wait too...
    const login = await server
      .anonymous()
      .post<ErrorBody>('/api/auth/login', { username: 'caseworker.hn', password: DEMO_PASSWORD });
    expect(login.status).toBe(429);
    // ...while another user at the same address still chooses their own.
    const other = await server.as('supervisor.hn');
    const changed = await other.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'una clave nueva y larga',
    });
    expect(changed.status).toBe(200);
  });

  it('do not count a new password refused for being weak, the current one being right', async () => {
    const user = await server.as('focalpoint.hn');
    for (let i = 0; i <= MAX; i++) {
      const r = await user.post<ErrorBody>('/api/auth/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword: `corta${i}`,
      });
      expect(`${r.status} ${r.body.error.code}`).toBe('400 password-too-short');
    }
    const r = await user.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'por fin una clave larga',
    });
    expect(r.status).toBe(200);
  });
});
