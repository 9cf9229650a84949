// A password an administrator sets is counted as a person sees it and compared as a person reads
// it: "e" with a combining accent is one character, twelve spaces or one letter twelve times are
// no password, and the user name written in full-width letters is still the user name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './helpers/apiClient.js';
import { dbSnapshot } from './helpers/dbSnapshot.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface ErrorBody {
  error: { code: string; message: string; details: unknown[] };
}

let server: TestServer;
let gtAdmin: ApiClient;
let n = 0;

beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, config: { loginMaxFailures: 1000 } });
  gtAdmin = await server.as('admin.gt');
});
afterAll(async () => server?.close());

/** The user name in full-width letters (U+FF01-U+FF5E), as an input method may type it. */
const fullWidth = (s: string) =>
  [...s].map((c) => (c >= '!' && c <= '~' ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c)).join('');

const WEAK: [string, (username: string) => string, string][] = [
  ['six accented letters written as twelve code points', () => 'e\u0301'.repeat(6), 'password-too-short'],
  ['twelve spaces', () => ' '.repeat(12), 'password-too-simple'],
  ['twelve no-break and ideographic spaces', () => '\u00a0\u3000'.repeat(6), 'password-too-simple'],
  ['one letter twelve times', () => 'a'.repeat(12), 'password-too-simple'],
  ['one letter in both cases and widths', () => 'aAａＡ'.repeat(3), 'password-too-simple'],
  ['the user name in full-width letters', (u) => `${fullWidth(u)} y más`, 'password-has-username'],
  ['the user name in capitals', (u) => `clave ${u.toUpperCase()}`, 'password-has-username'],
  [
    'the user name with invisible characters',
    (u) => `clave ${[...u].join('\u200b')}`,
    'password-has-username',
  ],
];

describe('a new password', () => {
  it.each(WEAK)(
    'is refused when it is %s, for a new account and as a new password',
    async (_, weak, code) => {
      const username = `pedro.ramos${n++}.gt`;
      const before = await dbSnapshot(server.services);
      const created = await gtAdmin.post<ErrorBody>('/api/users', {
        username,
        name: 'Pedro Ramos',
        role: 'caseworker',
        country: 'GT',
        password: weak(username),
      });
      expect(created.status).toBe(400);
      expect(created.body.error.code).toBe(code);
      expect(await dbSnapshot(server.services)).toEqual(before);

      const ok = await gtAdmin.post<{ id: string }>('/api/users', {
        username,
        name: 'Pedro Ramos',
        role: 'caseworker',
        country: 'GT',
        password: 'maíz frijol y café',
      });
      expect(ok.status).toBe(201);
      const reset = await gtAdmin.post<ErrorBody>(`/api/users/${ok.body.id}/password`, {
        password: weak(username),
      });
      expect(reset.status).toBe(400);
      expect(reset.body.error.code).toBe(code);
      const login = await server.anonymous().post('/api/auth/login', { username, password: weak(username) });
      expect(login.status).toBe(401);
    },
  );

  it('says what to choose instead', async () => {
    const r = await gtAdmin.post<ErrorBody>('/api/users', {
      username: `pedro.ramos${n++}.gt`,
      name: 'Pedro Ramos',
      role: 'caseworker',
      country: 'GT',
      password: ' '.repeat(12),
    });
    expect(r.body.error.message).toMatch(
      /not be only spaces or one character repeated; a few unrelated words/,
    );
  });

  it('is accepted when it has twelve characters as a person sees them, however they are encoded', async () => {
    const username = `pedro.ramos${n++}.gt`;
    // "canción añeja" with the accents written as combining characters: 13 characters, 15 code points
    const password = 'cancio\u0301n an\u0303eja';
    const r = await gtAdmin.post('/api/users', {
      username,
      name: 'Pedro Ramos',
      role: 'caseworker',
      country: 'GT',
      password,
    });
    expect(r.status).toBe(201);
    // the same password typed with precomposed letters logs in
    const login = await server.anonymous().post('/api/auth/login', { username, password: 'canción añeja' });
    expect(login.status).toBe(200);
  });
});
