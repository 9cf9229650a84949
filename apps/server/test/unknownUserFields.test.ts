// A field the account routes do not have is refused with 400, each such field named with what to
// do instead, rather than dropped: {"disabled": true} dropped from a new account left it able to
// log in, and a user name or country sent with a change answered 200 while nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './helpers/apiClient.js';
import { dbSnapshot } from './helpers/dbSnapshot.js';
import type { AdminUser } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface Problem {
  in: string;
  path: string;
  issue: string;
  message: string;
}
interface ErrorBody {
  error: { code: string; message: string; details: Problem[] };
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

const newUser = () => ({
  username: `rosa.mena${n++}.gt`,
  name: 'Rosa Mena',
  role: 'caseworker',
  country: 'GT',
  password: PASSWORD,
});

/** The unknown fields a refusal names, each with its message. */
function unknownFields(body: ErrorBody): Record<string, string> {
  return Object.fromEntries(
    body.error.details.filter((d) => d.issue === 'unrecognized_keys').map((d) => [d.path, d.message]),
  );
}

describe('account bodies hold their own fields only', () => {
  it('refuses a new account sent with "disabled", instead of creating it enabled', async () => {
    const before = await dbSnapshot(server.services);
    const body = { ...newUser(), disabled: true, team: 'norte' };
    const r = await gtAdmin.post<ErrorBody>('/api/users', body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid-input');
    const fields = unknownFields(r.body);
    expect(Object.keys(fields).sort()).toEqual(['disabled', 'team']);
    expect(fields.disabled).toMatch(/PUT \/api\/users\/:userId with "disabled": true/);
    expect(fields.team).toMatch(/username, name, role, country, password only; leave "team" out/);
    expect(r.body.error.message).toMatch(/body\.disabled: .*body\.team: /);
    expect(await dbSnapshot(server.services)).toEqual(before);
    const login = await server
      .anonymous()
      .post('/api/auth/login', { username: body.username, password: PASSWORD });
    expect(login.status).toBe(401);
  });

  it('refuses a change carrying a user name, a country or a password, and changes nothing', async () => {
    const u = (await gtAdmin.post<AdminUser>('/api/users', newUser())).body;
    const before = await dbSnapshot(server.services);
    const r = await gtAdmin.put<ErrorBody>(`/api/users/${u.id}`, {
      name: 'Rosa Mena Cruz',
      role: 'supervisor',
      disabled: false,
      expectedUpdatedAt: u.updatedAt,
      username: 'rosa.cruz.gt',
      country: 'SV',
      password: 'otra clave muy larga',
    });
    expect(r.status).toBe(400);
    const fields = unknownFields(r.body);
    expect(Object.keys(fields).sort()).toEqual(['country', 'password', 'username']);
    expect(fields.username).toMatch(/cannot change; create an account with the new name/);
    expect(fields.country).toMatch(/cannot move to another country/);
    expect(fields.password).toMatch(/POST \/api\/users\/:userId\/password/);
    expect(await dbSnapshot(server.services)).toEqual(before);
  });

  it('names an unknown field also when a known one is wrong, in one answer', async () => {
    const u = (await gtAdmin.post<AdminUser>('/api/users', newUser())).body;
    const r = await gtAdmin.put<ErrorBody>(`/api/users/${u.id}`, {
      name: u.name,
      role: 'superuser',
      disabled: false,
      expectedUpdatedAt: u.updatedAt,
      country: 'SV',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d) => d.path).sort()).toEqual(['country', 'role']);
  });

  it('refuses a new password sent with anything else', async () => {
    const u = (await gtAdmin.post<AdminUser>('/api/users', newUser())).body;
    const before = await dbSnapshot(server.services);
    const r = await gtAdmin.post<ErrorBody>(`/api/users/${u.id}/password`, {
      password: 'tortilla con sal y limón',
      username: 'otra.persona.gt',
    });
    expect(r.status).toBe(400);
    expect(unknownFields(r.body)).toEqual({ username: expect.stringMatching(/send only "password"/) });
    expect(await dbSnapshot(server.services)).toEqual(before);
    const login = await server
      .anonymous()
      .post('/api/auth/login', { username: u.username, password: PASSWORD });
    expect(login.status).toBe(200);
  });

  it('documents the bodies as having no other properties', async () => {
    const doc = (
      await server.anonymous().get<{
        paths: Record<
          string,
          Record<string, { requestBody?: { content: Record<string, { schema: object }> } }>
        >;
      }>('/api/openapi.json')
    ).body;
    const bodies = [
      doc.paths['/api/users']!.post!,
      doc.paths['/api/users/{userId}']!.put!,
      doc.paths['/api/users/{userId}/password']!.post!,
    ].map((op) => op.requestBody!.content['application/json']!.schema);
    for (const schema of bodies) expect(schema).toMatchObject({ additionalProperties: false });
  });
});
