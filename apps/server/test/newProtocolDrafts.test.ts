// A protocol started from scratch in the designer (the designer's own skeleton, sent as the designer
// sends it), over HTTP against the real database: a country's designer and the regional designer
// each draft, verify and publish a brand-new id, and a case worker opens and closes a case under
// it. A draft may not take the id of another country's or another family's protocol.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Jurisdiction, Population } from '@ruta/protocol';
import { newProtocolSkeleton } from '../../web/src/designer/model/newProtocolSkeleton.js';
import type { ApiClient, ApiResponse } from './helpers/apiClient.js';
import { dbSnapshot } from './helpers/dbSnapshot.js';
import { driveCase, type CaseViewBody } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface Draft {
  id: string;
  revision: number;
  file: Record<string, unknown>;
  problems: { code: string; severity?: string }[];
  invariantsInForce: { id: string }[];
}
interface ErrorBody {
  error: { code: string; message: string };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

const title = (es: string, en: string) => ({ es, en });

/** Creates the draft the designer's "New protocol" form creates, with `extra` over its file. */
function createNew(
  designer: ApiClient,
  id: string,
  jurisdiction: Jurisdiction,
  population: Population = 'any',
  extra: Record<string, unknown> = {},
) {
  const { file, forms } = newProtocolSkeleton({
    id,
    title: title(`Protocolo ${id}`, `Protocol ${id}`),
    population,
    jurisdiction,
  });
  return designer.post<Draft & ErrorBody>('/api/protocol-drafts', { file: { ...file, ...extra }, forms });
}

/** The answer refused the draft with `status` and `code`, its message saying `says`. */
function expectRefused(r: ApiResponse<ErrorBody>, status: number, code: string, says = '') {
  expect(r.status).toBe(status);
  expect(r.body.error.code).toBe(code);
  expect(r.body.error.message).toContain(says);
}

/** Saving `draft` (at revision 1) under `id` is refused with 409 `code`, and the draft keeps its revision. */
async function expectRenameRefused(
  designer: ApiClient,
  draft: Draft,
  id: string,
  code: string,
  says: string,
) {
  const renamed = await designer.put<ErrorBody>(`/api/protocol-drafts/${draft.id}`, {
    file: { ...draft.file, id },
    forms: {},
    expectedRevision: 1,
  });
  expectRefused(renamed, 409, code, says);
  expect((await designer.get<Draft>(`/api/protocol-drafts/${draft.id}`)).body.revision).toBe(1);
}

async function publishAndOpen(designer: ApiClient, draft: Draft, country: string) {
  const verified = await designer.post<{ ok: boolean; invariants: { ok: boolean }[] }>(
    `/api/protocol-drafts/${draft.id}/verify`,
  );
  expect(verified.body.ok).toBe(true);
  const published = await designer.post<{ id: string; version: number; jurisdiction: string }>(
    `/api/protocol-drafts/${draft.id}/publish`,
  );
  expect(published.status).toBe(201);
  const worker = await server.as(`caseworker.${country.toLowerCase()}`);
  const opened = await worker.post<CaseViewBody>('/api/cases', {
    protocol: { id: published.body.id, version: 1 },
  });
  expect(opened.status).toBe(201);
  expect(opened.body.case.country).toBe(country);
  const { view } = await driveCase(server, opened.body.case.id, country, {
    until: (v) => v.case.status === 'closed',
  });
  expect(view.state.value).toBe('closed');
  return published.body;
}

describe('a protocol started from scratch', () => {
  it("is drafted, verified and published by a country's designer, and Guatemala's case workers run cases under it", async () => {
    const designer = await server.as('designer.gt');
    const created = await createNew(designer, 'trata-laboral-gt', 'GT', 'adult');
    expect(created.status).toBe(201);
    expect(created.body.file).toMatchObject({ kind: 'protocol', id: 'trata-laboral-gt', version: 1 });
    // Only warnings: the regional safeguards about returns have no return step to check yet.
    expect(created.body.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    // The editor learns from the draft which regional invariants a new adult protocol must keep.
    expect(created.body.invariantsInForce.map((i) => i.id)).toContain('consent-withdrawable-before-travel');
    const reread = await designer.get<Draft>(`/api/protocol-drafts/${created.body.id}`);
    expect(reread.body.invariantsInForce).toEqual(created.body.invariantsInForce);

    const published = await publishAndOpen(designer, created.body, 'GT');
    expect(published).toMatchObject({ id: 'trata-laboral-gt', version: 1, jurisdiction: 'GT' });

    // A national protocol is for its own country's cases only.
    const salvadoran = await server.as('caseworker.sv');
    const refused = await salvadoran.post<ErrorBody>('/api/cases', {
      protocol: { id: 'trata-laboral-gt', version: 1 },
    });
    expect(refused.status).toBe(403);
  });

  it('is drafted and published by the regional designer, and a Salvadoran case worker runs cases under it', async () => {
    const designer = await server.as('designer.regional');
    const created = await createNew(designer, 'proteccion-ninez-migrante', 'REGIONAL', 'child');
    expect(created.status).toBe(201);
    const published = await publishAndOpen(designer, created.body, 'SV');
    expect(published).toMatchObject({ id: 'proteccion-ninez-migrante', jurisdiction: 'REGIONAL' });
  });

  it("may not take the id of another country's or another family's protocol: 409 saying what to do, nothing stored", async () => {
    const guatemala = await server.as('designer.gt');
    const before = await dbSnapshot(server.services);

    // A regional protocol: a country adapts it by deriving a variant, not by drafting its next version.
    const regional = await createNew(guatemala, 'child-repatriation', 'GT', 'child', { version: 2 });
    expectRefused(regional, 409, 'id-taken', 'or derive a national variant of child-repatriation@1 for GT');

    // Guatemala's own variant of child repatriation is another family than a new protocol.
    const variantId = await createNew(guatemala, 'child-repatriation-gt', 'GT', 'child');
    expectRefused(variantId, 409, 'id-taken', 'a variant of child-repatriation@1');

    // Malformed ids and another jurisdiction are refused before anything else.
    const malformed = await createNew(guatemala, 'Trata Laboral', 'GT', 'adult');
    expectRefused(malformed, 400, 'bad-id', 'lowercase letters, digits and dashes');
    const elsewhere = await createNew(guatemala, 'trata-laboral-hn', 'HN', 'adult');
    expectRefused(elsewhere, 403, 'forbidden', 'set "jurisdiction": "GT"');

    expect(await dbSnapshot(server.services)).toBe(before);
  });

  it('may not take an id another country drafts or has published, nor be renamed to one', async () => {
    const salvador = await server.as('designer.sv');
    const mexico = await server.as('designer.mx');
    const drafted = await createNew(salvador, 'trata-en-transito', 'SV', 'any');
    expect(drafted.status).toBe(201);

    const meanwhile = await createNew(mexico, 'trata-en-transito', 'MX', 'any');
    expectRefused(meanwhile, 409, 'id-being-drafted', 'SV is already drafting');

    expect((await salvador.post(`/api/protocol-drafts/${drafted.body.id}/publish`)).status).toBe(201);
    const after = await createNew(mexico, 'trata-en-transito', 'MX', 'any');
    expectRefused(after, 409, 'id-taken', '"trata-en-transito" belongs to the published protocol');

    // Saving a draft under a taken id is refused the same way, and the draft keeps its revision.
    const own = await createNew(mexico, 'trata-en-frontera', 'MX', 'any');
    await expectRenameRefused(
      mexico,
      own.body,
      'trata-en-transito',
      'id-taken',
      'Give the draft another "id"',
    );
  });
});

describe('two countries and one new protocol id', () => {
  it('may not rename a draft to an id another country is drafting', async () => {
    const honduras = await server.as('designer.hn');
    const mexico = await server.as('designer.mx');
    expect((await createNew(honduras, 'trata-en-maquila', 'HN', 'adult')).status).toBe(201);
    const own = await createNew(mexico, 'trata-en-campo', 'MX', 'adult');
    await expectRenameRefused(
      mexico,
      own.body,
      'trata-en-maquila',
      'id-being-drafted',
      'HN is already drafting',
    );
  });

  it('publishing it at the same moment: exactly one country gets the id, the other is told to choose another', async () => {
    const guatemala = await server.as('designer.gt');
    const salvador = await server.as('designer.sv');
    const gt = await createNew(guatemala, 'trata-compartida', 'GT', 'adult');
    expect(gt.status).toBe(201);
    // El Salvador drafted the same id at the same moment, each before seeing the other's draft
    // (the check at creation cannot see a draft that is not stored yet), as version 2.
    const sv = await createNew(salvador, 'trata-compartida-sv', 'SV', 'adult');
    const doc = (await server.services.repos.drafts.find(sv.body.id))!;
    const file = { ...sv.body.file, id: 'trata-compartida', version: 2 };
    const moved = await server.services.repos.drafts.update(sv.body.id, 1, {
      file: JSON.stringify(file),
      forms: doc.forms,
      fileId: 'trata-compartida',
      fileVersion: 2,
      kind: doc.kind,
      problems: doc.problems,
      invariants: doc.invariants,
      updatedBy: doc.updatedBy,
      updatedAt: doc.updatedAt,
    });
    expect(moved?.fileId).toBe('trata-compartida');

    const answers = await Promise.all([
      guatemala.post<ErrorBody>(`/api/protocol-drafts/${gt.body.id}/publish`),
      salvador.post<ErrorBody>(`/api/protocol-drafts/${sv.body.id}/publish`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const lost = answers.find((a) => a.status === 409)!;
    expect(lost.body.error.code).toBe('id-taken');
    expect(lost.body.error.message).toContain('Give the draft another "id"');

    // Every published version of the id is the winner's.
    const list =
      await guatemala.get<{ id: string; jurisdiction: string; status: string }[]>('/api/protocols');
    const versions = list.body.filter((p) => p.id === 'trata-compartida' && p.status === 'published');
    expect(versions).toHaveLength(1);
    const winner = answers[0]!.status === 201 ? 'GT' : 'SV';
    expect(versions[0]!.jurisdiction).toBe(winner);
    // The loser keeps the draft, to publish under another id.
    const loser =
      winner === 'GT' ? { who: salvador, draft: sv.body.id } : { who: guatemala, draft: gt.body.id };
    expect((await loser.who.get(`/api/protocol-drafts/${loser.draft}`)).status).toBe(200);
  });
});
