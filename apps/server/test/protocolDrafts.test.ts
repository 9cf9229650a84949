import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbSnapshot } from './helpers/dbSnapshot.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface Draft {
  id: string;
  revision: number;
  file: Record<string, unknown>;
  problems: { code: string; severity?: string }[];
}
interface ErrorBody {
  error: { code: string; details: { code?: string }[] };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

describe('protocol drafts', () => {
  it('derive a variant, save with revisions (409 when stale), verify and publish an immutable version', async () => {
    const designer = await server.as('designer.hn');
    const created = await designer.post<Draft>('/api/protocols/child-repatriation/versions/1/variants', {
      jurisdiction: 'HN',
    });
    expect(created.status).toBe(201);
    const draft = created.body;
    expect(draft.file).toMatchObject({
      kind: 'variant',
      id: 'child-repatriation-hn',
      base: 'child-repatriation@1',
      jurisdiction: 'HN',
    });
    expect(draft.revision).toBe(1);

    const file = {
      ...draft.file,
      title: { es: 'Repatriación de NNA — Honduras', en: 'Child repatriation — Honduras' },
    };
    const saved = await designer.put<Draft>(`/api/protocol-drafts/${draft.id}`, {
      file,
      expectedRevision: 1,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(2);
    const stale = await designer.put<ErrorBody>(`/api/protocol-drafts/${draft.id}`, {
      file,
      expectedRevision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale-revision');

    const verified = await designer.post<{ ok: boolean; invariants: { ok: boolean }[] }>(
      `/api/protocol-drafts/${draft.id}/verify`,
    );
    expect(verified.body.ok).toBe(true);
    expect(verified.body.invariants.length).toBeGreaterThan(0);
    expect(verified.body.invariants.every((i) => i.ok)).toBe(true);

    const published = await designer.post<{
      id: string;
      version: number;
      base: string;
      jurisdiction: string;
    }>(`/api/protocol-drafts/${draft.id}/publish`);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      id: 'child-repatriation-hn',
      version: 1,
      base: 'child-repatriation@1',
      jurisdiction: 'HN',
    });
    const listed = await designer.get<{ id: string; status: string }[]>('/api/protocols');
    expect(listed.body).toContainEqual(
      expect.objectContaining({ id: 'child-repatriation-hn', status: 'published' }),
    );

    // Deriving it again starts the variant's next version (one that can be published), named
    // after the country as the shipped variants are.
    const again = await designer.post<Draft>('/api/protocols/child-repatriation/versions/1/variants', {
      jurisdiction: 'HN',
    });
    expect(again.status).toBe(201);
    expect(again.body.file).toMatchObject({
      id: 'child-repatriation-hn',
      version: 2,
      base: 'child-repatriation@1',
      title: {
        es: 'Repatriación de niñas, niños y adolescentes víctimas de trata — Honduras',
        en: 'Repatriation of child and adolescent victims of trafficking — Honduras',
      },
    });
    // A published version never changes: publishing the same id and version again is refused.
    const sameVersion = await designer.put<Draft>(`/api/protocol-drafts/${again.body.id}`, {
      file: { ...again.body.file, version: 1 },
      expectedRevision: again.body.revision,
    });
    expect(sameVersion.status).toBe(200);
    const refused = await designer.post<ErrorBody>(`/api/protocol-drafts/${again.body.id}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('version-exists');
    const next = await designer.put<Draft>(`/api/protocol-drafts/${again.body.id}`, {
      file: { ...again.body.file, version: 2 },
      expectedRevision: sameVersion.body.revision,
    });
    expect(next.status).toBe(200);
    const second = await designer.post<{ id: string; version: number }>(
      `/api/protocol-drafts/${again.body.id}/publish`,
    );
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: 'child-repatriation-hn', version: 2 });

    // Honduran cases now run under the Honduran variant when handed over (and may be opened under it).
    const worker = await server.as('caseworker.hn');
    const opened = await worker.post<{ protocol: { id: string } }>('/api/cases', {
      protocol: { id: 'child-repatriation-hn', version: 1 },
    });
    expect(opened.status).toBe(201);
  });

  it('refuses to publish a draft that does not verify, with every problem', async () => {
    const designer = await server.as('designer.hn');
    const created = await designer.post<Draft>('/api/protocols/child-repatriation/versions/1/variants', {
      jurisdiction: 'HN',
      id: 'child-repatriation-hn-broken',
    });
    const broken = {
      ...created.body.file,
      changes: [{ op: 'removeState', path: 'solution.riskAssessment' }],
    };
    const saved = await designer.put<Draft>(`/api/protocol-drafts/${created.body.id}`, {
      file: broken,
      expectedRevision: 1,
    });
    expect(saved.body.problems.some((p) => p.severity !== 'warning')).toBe(true);
    const r = await designer.post<ErrorBody>(`/api/protocol-drafts/${created.body.id}/publish`);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('does-not-verify');
    expect(r.body.error.details.length).toBeGreaterThan(0);
    const list = await designer.get<{ id: string; status: string }[]>('/api/protocols');
    expect(list.body.filter((p) => p.id === 'child-repatriation-hn-broken').map((p) => p.status)).toEqual([
      'draft',
    ]);
  });

  it('a regional version changes a form: the draft keeps it, verifies with it and publishes it embedded', async () => {
    type Form = { id: string; version: number; schema: { properties: Record<string, unknown> } };
    type Resolved = Record<string, unknown> & { forms: Record<string, Form>; version: number };
    const designer = await server.as('designer.regional');
    const v1 = (await designer.get<Resolved>('/api/protocols/voluntary-return/versions/1')).body;
    const { forms, invariantsInForce: _i, base: _b, ...rest } = v1;
    const file = { ...rest, kind: 'protocol', version: 2 };
    const formId = Object.keys(forms)[0]!;
    // "$" keys are refused in any request (they could be query operators): "$schema" stays home.
    const { $schema: _s, ...form } = structuredClone(forms[formId]!) as Form & { $schema?: string };
    const edited: Form = form;
    edited.version += 1;
    edited.schema.properties.interpreterName = {
      type: 'string',
      maxLength: 120,
      'x-label': { es: 'Nombre del intérprete', en: 'Interpreter’s name' },
    };

    const created = await designer.post<Draft & { forms: Record<string, Form> }>('/api/protocol-drafts', {
      file,
      forms: { [formId]: edited },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.forms[formId]!.schema.properties).toHaveProperty('interpreterName');
    expect(created.body.problems.filter((p) => p.severity !== 'warning')).toEqual([]);

    // A form that does not hold up is a problem of the draft, not a failure of the server.
    const broken = { ...edited, schema: { ...edited.schema, type: 'nonsense' } };
    const bad = await designer.put<Draft>(`/api/protocol-drafts/${created.body.id}`, {
      file,
      forms: { [formId]: broken },
      expectedRevision: 1,
    });
    expect(bad.status).toBe(200);
    expect(bad.body.problems.some((p) => p.severity !== 'warning')).toBe(true);
    const mismatch = await designer.put<ErrorBody>(`/api/protocol-drafts/${created.body.id}`, {
      file,
      forms: { 'another-id': edited },
      expectedRevision: 2,
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe('form-id-mismatch');
    const fixed = await designer.put<Draft>(`/api/protocol-drafts/${created.body.id}`, {
      file,
      forms: { [formId]: edited },
      expectedRevision: 2,
    });
    expect(fixed.status).toBe(200);

    const published = await designer.post<Resolved>(`/api/protocol-drafts/${created.body.id}/publish`);
    expect(published.status).toBe(201);
    const v2 = (await designer.get<Resolved>('/api/protocols/voluntary-return/versions/2')).body;
    expect(v2.forms[formId]!.schema.properties).toHaveProperty('interpreterName');
    expect(v2.forms[formId]!.version).toBe(edited.version);
    // Version 1 is immutable: it keeps the form it was published with.
    const again = (await designer.get<Resolved>('/api/protocols/voluntary-return/versions/1')).body;
    expect(again.forms[formId]).toEqual(forms[formId]);
    expect(again.forms[formId]!.schema.properties).not.toHaveProperty('interpreterName');

    // The next version continues from version 2's forms without sending them again.
    const v3 = await designer.post<Draft>('/api/protocol-drafts', { file: { ...file, version: 3 } });
    expect(v3.status).toBe(201);
    expect(v3.body.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect((await designer.post(`/api/protocol-drafts/${v3.body.id}/publish`)).status).toBe(201);
    const v3Published = (await designer.get<Resolved>('/api/protocols/voluntary-return/versions/3')).body;
    expect(v3Published.forms[formId]!.schema.properties).toHaveProperty('interpreterName');
  });

  it('refuses a draft file without its variant base, title or population (400), storing nothing', async () => {
    const designer = await server.as('designer.sv');
    const derived = await designer.post<Draft>('/api/protocols/victim-attention/versions/1/variants', {
      jurisdiction: 'SV',
    });
    expect(derived.status).toBe(201);
    const variant = {
      kind: 'variant',
      id: 'trata-sv',
      version: 1,
      jurisdiction: 'SV',
      title: { es: 'T', en: 'T' },
    };
    const protocol = { ...variant, kind: 'protocol', population: 'adult' };
    const { base: _base, ...withoutBase } = derived.body.file;
    const cases: [string, () => Promise<{ status: number; body: unknown }>, string][] = [
      ['no base', () => designer.post('/api/protocol-drafts', { file: variant }), 'bad-ref'],
      [
        'numeric base',
        () => designer.post('/api/protocol-drafts', { file: { ...variant, base: 7 } }),
        'bad-ref',
      ],
      [
        'object base',
        () => designer.post('/api/protocol-drafts', { file: { ...variant, base: { id: 'x' } } }),
        'bad-ref',
      ],
      [
        'base without version',
        () => designer.post('/api/protocol-drafts', { file: { ...variant, base: 'victim-attention' } }),
        'bad-ref',
      ],
      [
        'title not a text',
        () => designer.post('/api/protocol-drafts', { file: { ...protocol, title: 5 } }),
        'bad-title',
      ],
      [
        'no population',
        () => designer.post('/api/protocol-drafts', { file: { ...protocol, population: undefined } }),
        'bad-population',
      ],
      [
        'saved without its base',
        () =>
          designer.put(`/api/protocol-drafts/${derived.body.id}`, { file: withoutBase, expectedRevision: 1 }),
        'bad-ref',
      ],
    ];
    for (const [name, send, code] of cases) {
      const before = await dbSnapshot(server.services);
      const r = await send();
      expect(r.status, name).toBe(400);
      expect((r.body as ErrorBody).error.code, name).toBe(code);
      expect(await dbSnapshot(server.services), name).toBe(before);
    }
  });

  it('keeps each jurisdiction to its own drafts', async () => {
    const gt = await server.as('designer.gt');
    const hn = await server.as('designer.hn');
    const mine = await hn.get<Draft[]>('/api/protocol-drafts');
    expect(mine.body.length).toBeGreaterThan(0);
    expect((await gt.get<Draft[]>('/api/protocol-drafts')).body).toEqual([]);
    expect((await gt.get(`/api/protocol-drafts/${mine.body[0]!.id}`)).status).toBe(404);
    const forHonduras = await gt.post<ErrorBody>('/api/protocols/child-repatriation/versions/1/variants', {
      jurisdiction: 'HN',
      id: 'x-hn',
    });
    expect(forHonduras.status).toBe(403);
  });

  it('diffs two published versions', async () => {
    const auditor = await server.as('auditor.regional');
    const r = await auditor.get<Record<string, unknown>>(
      '/api/protocols/diff?a=child-repatriation@1&b=child-repatriation-gt@1',
    );
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).toContain('judicialOrder');
  });
});
