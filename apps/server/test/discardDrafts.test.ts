// A draft started by mistake can be discarded by a designer of its jurisdiction, over HTTP against
// the real database: gone from the draft list and the protocol list, so the protocol can be drafted
// again; refused when saved meanwhile (stale revision), hidden from other countries (404), and
// atomic against a save of the same revision on FerretDB (both claim the next revision).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './helpers/apiClient.js';
import { dbSnapshot } from './helpers/dbSnapshot.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface Draft {
  id: string;
  revision: number;
  file: { id: string; version: number; title: { es: string; en: string } } & Record<string, unknown>;
}
interface ListItem {
  id: string;
  version: number;
  status: string;
  draftId?: string;
  revision?: number;
  updatedAt?: string;
}
interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown>[] };
}

const lines: string[] = [];
let server: TestServer;
let counter = 0;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, logStream: { write: (l) => lines.push(l) } });
});
afterAll(async () => server?.close());

/** A new Guatemalan variant draft of child repatriation under an id of its own. */
async function gtDraft(designer: ApiClient, id = `child-repatriation-x${counter++}`): Promise<Draft> {
  const r = await designer.post<Draft>('/api/protocols/child-repatriation/versions/1/variants', {
    jurisdiction: 'GT',
    id,
  });
  expect(r.status).toBe(201);
  return r.body;
}

const titled = (draft: Draft, title: string) => ({ ...draft.file, title: { es: title, en: title } });

describe('discarding a protocol draft', () => {
  it('removes the designer’s draft: not shown, not listed, and the protocol can be drafted again', async () => {
    const designer = await server.as('designer.gt');
    const draft = await gtDraft(designer, 'child-repatriation-mistake');
    const saved = await designer.put<Draft>(`/api/protocol-drafts/${draft.id}`, {
      file: titled(draft, 'Contenido-del-borrador-privado'),
      expectedRevision: 1,
    });
    expect(saved.body.revision).toBe(2);
    // The protocol list gives the draft's revision, what the list's discard expects.
    const listed = await designer.get<ListItem[]>('/api/protocols');
    expect(listed.body.find((p) => p.draftId === draft.id)).toMatchObject({
      status: 'draft',
      revision: 2,
      updatedAt: expect.any(String),
    });

    const discarded = await designer.post(`/api/protocol-drafts/${draft.id}/discard`, {
      expectedRevision: 2,
    });
    expect(discarded.status).toBe(204);

    const shown = await designer.get<ErrorBody>(`/api/protocol-drafts/${draft.id}`);
    expect(shown.status).toBe(404);
    expect(shown.body.error).toMatchObject({ code: 'not-found', details: [{ what: 'draft', id: draft.id }] });
    const drafts = await designer.get<Draft[]>('/api/protocol-drafts');
    expect(drafts.body.map((d) => d.id)).not.toContain(draft.id);
    const protocols = await designer.get<ListItem[]>('/api/protocols');
    expect(protocols.body.filter((p) => p.status === 'draft').map((p) => p.draftId)).not.toContain(draft.id);
    // Its revisions' claims go with it.
    expect(await server.services.models.claims.countDocuments({ ref: `draft:${draft.id}` })).toBe(0);
    // Saving or publishing it afterwards finds nothing.
    const late = await designer.put<ErrorBody>(`/api/protocol-drafts/${draft.id}`, {
      file: titled(draft, 'Tarde'),
      expectedRevision: 2,
    });
    expect(late.status).toBe(404);
    expect((await designer.post(`/api/protocol-drafts/${draft.id}/publish`)).status).toBe(404);
    // The same id can be drafted again.
    const again = await gtDraft(designer, 'child-repatriation-mistake');
    expect(again.file).toMatchObject({ id: 'child-repatriation-mistake', version: 1 });

    // The server log names the draft and who discarded it, never what the draft held.
    const me = await designer.get<{ user: { id: string } }>('/api/auth/me');
    const entry = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'draft discarded');
    expect(entry).toMatchObject({ draft: draft.id, by: me.body.user.id, country: 'GT', revision: 2 });
    expect(lines.join('')).not.toContain('Contenido-del-borrador-privado');
  });

  it('answers 404 to designers of another jurisdiction, as reading it does, and keeps the draft', async () => {
    const owner = await server.as('designer.gt');
    const draft = await gtDraft(owner);
    for (const other of ['designer.sv', 'designer.regional']) {
      const caller = await server.as(other);
      const before = await dbSnapshot(server.services);
      const r = await caller.post<ErrorBody>(`/api/protocol-drafts/${draft.id}/discard`, {
        expectedRevision: 1,
      });
      expect(r.status, other).toBe(404);
      expect(r.body.error, other).toMatchObject({
        code: 'not-found',
        details: [{ what: 'draft', id: draft.id }],
      });
      expect(await dbSnapshot(server.services), other).toBe(before);
    }
    expect((await owner.get(`/api/protocol-drafts/${draft.id}`)).status).toBe(200);
  });

  it('refuses with 409 stale-revision a draft saved meanwhile in another tab, and keeps that save', async () => {
    const designer = await server.as('designer.gt');
    const draft = await gtDraft(designer);
    const otherTab = await designer.put<Draft>(`/api/protocol-drafts/${draft.id}`, {
      file: titled(draft, 'Guardado en otra pestaña'),
      expectedRevision: 1,
    });
    expect(otherTab.body.revision).toBe(2);
    const before = await dbSnapshot(server.services);
    const r = await designer.post<ErrorBody>(`/api/protocol-drafts/${draft.id}/discard`, {
      expectedRevision: 1,
    });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({
      code: 'stale-revision',
      details: [{ expectedRevision: 1, revision: 2 }],
    });
    expect(await dbSnapshot(server.services)).toBe(before);
    const kept = await designer.get<Draft>(`/api/protocol-drafts/${draft.id}`);
    expect(kept.body).toMatchObject({ revision: 2, file: { title: { es: 'Guardado en otra pestaña' } } });
  });

  it('refuses a malformed draft id or body with 400 naming what to fix, changing nothing', async () => {
    const designer = await server.as('designer.gt');
    const draft = await gtDraft(designer);
    const cases: [string, string, unknown, string][] = [
      ['id not hexadecimal', '/api/protocol-drafts/not-a-draft/discard', { expectedRevision: 1 }, 'draftId'],
      ['no body', `/api/protocol-drafts/${draft.id}/discard`, undefined, '"in":"body"'],
      ['no revision', `/api/protocol-drafts/${draft.id}/discard`, {}, 'expectedRevision'],
      [
        'revision as text',
        `/api/protocol-drafts/${draft.id}/discard`,
        { expectedRevision: '1' },
        'expectedRevision',
      ],
      ['revision 0', `/api/protocol-drafts/${draft.id}/discard`, { expectedRevision: 0 }, 'expectedRevision'],
      [
        'another field',
        `/api/protocol-drafts/${draft.id}/discard`,
        { expectedRevision: 1, file: {} },
        'file',
      ],
    ];
    for (const [name, path, body, field] of cases) {
      const before = await dbSnapshot(server.services);
      const r = await designer.post<ErrorBody>(path, body);
      expect(r.status, name).toBe(400);
      expect(r.body.error.code, name).toBe('invalid-input');
      expect(JSON.stringify(r.body.error.details), name).toContain(field);
      expect(await dbSnapshot(server.services), name).toBe(before);
    }
    expect((await designer.get(`/api/protocol-drafts/${draft.id}`)).status).toBe(200);
  });

  it('finds a published draft gone (404) and leaves the published version as it is', async () => {
    const designer = await server.as('designer.gt');
    const draft = await gtDraft(designer);
    const published = await designer.post(`/api/protocol-drafts/${draft.id}/publish`);
    expect(published.status).toBe(201);
    const r = await designer.post<ErrorBody>(`/api/protocol-drafts/${draft.id}/discard`, {
      expectedRevision: 1,
    });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not-found');
    const version = await designer.get(`/api/protocols/${draft.file.id}/versions/1`);
    expect(version.status).toBe(200);
  });

  it('lets exactly one of a save and a discard of the same revision in, sent at the same moment', async () => {
    const tabs = await Promise.all([server.as('designer.gt'), server.as('designer.gt')]);
    for (let round = 0; round < 6; round++) {
      const draft = await gtDraft(tabs[0]!);
      const [save, discard] = await Promise.all([
        tabs[round % 2]!.put<Draft & ErrorBody>(`/api/protocol-drafts/${draft.id}`, {
          file: titled(draft, `Ronda ${round}`),
          expectedRevision: 1,
        }),
        tabs[(round + 1) % 2]!.post<ErrorBody>(`/api/protocol-drafts/${draft.id}/discard`, {
          expectedRevision: 1,
        }),
      ]);
      const stored = await tabs[0]!.get<Draft>(`/api/protocol-drafts/${draft.id}`);
      if (discard.status === 204) {
        // The save lost: told the draft is gone, and it is.
        expect(save.status, `round ${round}`).toBe(404);
        expect(stored.status, `round ${round}`).toBe(404);
      } else {
        expect(save.status, `round ${round}`).toBe(200);
        expect(discard.status, `round ${round}`).toBe(409);
        expect(discard.body.error.code).toBe('stale-revision');
        expect(stored.body).toMatchObject({ revision: 2, file: { title: { es: `Ronda ${round}` } } });
      }
    }
  });

  it('completes a discard interrupted after it claimed its revision, when the next save finds it', async () => {
    const designer = await server.as('designer.gt');
    const draft = await gtDraft(designer);
    // A server claimed revision 2 for a discard, then died before deleting the draft.
    await server.services.models.claims.create({
      _id: `draft:${draft.id}#2`,
      ref: `draft:${draft.id}`,
      value: JSON.stringify({ discardedBy: 'someone' }),
    });
    const next = await designer.put<ErrorBody>(`/api/protocol-drafts/${draft.id}`, {
      file: titled(draft, 'Después'),
      expectedRevision: 1,
    });
    expect(next.status).toBe(404);
    expect((await designer.get(`/api/protocol-drafts/${draft.id}`)).status).toBe(404);
    expect(await server.services.models.claims.countDocuments({ ref: `draft:${draft.id}` })).toBe(0);
  });
});
