import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

type Field = Record<string, unknown>;
type Form = { id: string; version: number; schema: { properties: Record<string, Field> } };
type Resolved = Record<string, unknown> & { forms: Record<string, Form>; version: number };
interface Problem {
  code: string;
  location: { form?: string; field?: string };
  message: string;
  es: { message: string };
  severity?: string;
}
interface Draft {
  id: string;
  revision: number;
  problems: Problem[];
}
interface ErrorBody {
  error: { code: string; details: Problem[] };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

/** Version 1 of child repatriation as a draft file of version 2, and its forms as sent back. */
async function nextVersionOf(designer: Awaited<ReturnType<TestServer['as']>>) {
  const v1 = (await designer.get<Resolved>('/api/protocols/child-repatriation/versions/1')).body;
  const { forms, invariantsInForce: _i, base: _b, ...rest } = v1;
  const form = (id: string): Form => {
    // "$" keys are refused in any request (they could be query operators): "$schema" stays home.
    const { $schema: _s, ...copy } = structuredClone(forms[id]!) as Form & { $schema?: string };
    copy.version += 1;
    return copy;
  };
  return { file: { ...rest, kind: 'protocol', version: 2 }, form };
}

describe('a new version protects what earlier versions recorded as confidential', () => {
  it('refuses to publish a version that takes the x-sensitive mark off a field, and publishes nothing', async () => {
    const designer = await server.as('designer.regional');
    const { file, form } = await nextVersionOf(designer);
    const detection = form('cr-detection');
    delete detection.schema.properties.childName!['x-sensitive'];

    const created = await designer.post<Draft>('/api/protocol-drafts', {
      file,
      forms: { 'cr-detection': detection },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const problem = created.body.problems.find((p) => p.code === 'sensitive-unmarked');
    expect(problem).toMatchObject({ location: { form: 'cr-detection', field: 'childName' } });
    expect(problem!.message).toContain('sensitive in version 1');
    expect(problem!.es.message).toContain('es sensible en la versión 1');

    const refused = await designer.post<ErrorBody>(`/api/protocol-drafts/${created.body.id}/publish`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('does-not-verify');
    expect(refused.body.error.details.map((p) => p.code)).toContain('sensitive-unmarked');
    expect((await designer.get('/api/protocols/child-repatriation/versions/2')).status).toBe(404);

    // Marked again, the same draft publishes.
    detection.schema.properties.childName!['x-sensitive'] = true;
    const fixed = await designer.put<Draft>(`/api/protocol-drafts/${created.body.id}`, {
      file,
      forms: { 'cr-detection': detection },
      expectedRevision: created.body.revision,
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect((await designer.post(`/api/protocol-drafts/${created.body.id}/publish`)).status).toBe(201);
  });

  it('refuses a later version that sends abroad a sensitive field every earlier version kept in the country', async () => {
    const designer = await server.as('designer.regional');
    const { file, form } = await nextVersionOf(designer);
    const verification = form('cr-verification');
    verification.schema.properties.fullName!['x-shareable'] = true;
    const created = await designer.post<Draft>('/api/protocol-drafts', {
      file: { ...file, version: 3 },
      forms: { 'cr-verification': verification },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const problem = created.body.problems.find((p) => p.code === 'sensitive-made-shareable');
    expect(problem).toMatchObject({ location: { form: 'cr-verification', field: 'fullName' } });
    expect(problem!.message).toContain('versions 1 and 2');
    const verified = await designer.post<{ ok: boolean; problems: Problem[] }>(
      `/api/protocol-drafts/${created.body.id}/verify`,
    );
    expect(verified.body.ok).toBe(false);
    const refused = await designer.post<ErrorBody>(`/api/protocol-drafts/${created.body.id}/publish`);
    expect(refused.status).toBe(422);
    expect((await designer.get('/api/protocols/child-repatriation/versions/3')).status).toBe(404);
  });
});
