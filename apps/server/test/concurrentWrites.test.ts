// Compare-and-set over HTTP against the real database. FerretDB 1.x runs a conditional update
// (`findOneAndUpdate({ _id, revision: 1 })`) as a read, then a write: two requests sent at once
// could both match and both "win" (a designer's save silently lost; a handover both accepted and
// declined). Every such write now claims its revision or decision with a unique insert first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReadyForHandover, driveCase, openCase } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface Draft {
  id: string;
  revision: number;
  file: { title: { es: string; en: string } } & Record<string, unknown>;
}
interface ErrorBody {
  error: { code: string; message: string };
}
interface HandoverBody {
  id: string;
  caseId: string;
  status: string;
  linkedCaseId: string | null;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

const titled = (draft: Draft, n: number) => ({
  ...draft.file,
  title: { es: `Versión ${n}`, en: `Version ${n}` },
});

describe('designers saving one draft at the same moment', () => {
  it('lets exactly one save in per revision; the others are told someone saved, and nothing is lost', async () => {
    const designers = await Promise.all([server.as('designer.sv'), server.as('designer.sv')]);
    const created = await designers[0]!.post<Draft>('/api/protocols/voluntary-return/versions/1/variants', {
      jurisdiction: 'SV',
    });
    expect(created.status).toBe(201);
    let draft = created.body;
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, n) =>
          designers[n % 2]!.put<Draft & ErrorBody>(`/api/protocol-drafts/${draft.id}`, {
            file: titled(draft, round * 100 + n),
            expectedRevision: draft.revision,
          }),
        ),
      );
      const won = answers.filter((a) => a.status === 200);
      expect(won, JSON.stringify(answers.map((a) => a.status))).toHaveLength(1);
      for (const lost of answers.filter((a) => a.status !== 200)) {
        expect(lost.status).toBe(409);
        expect(lost.body.error.code).toBe('stale-revision');
      }
      expect(won[0]!.body.revision).toBe(draft.revision + 1);
      // What is stored is the winner's version, at the revision the winner was given.
      const stored = await designers[0]!.get<Draft>(`/api/protocol-drafts/${draft.id}`);
      expect(stored.body.revision).toBe(draft.revision + 1);
      expect(stored.body.file.title).toEqual(won[0]!.body.file.title);
      draft = stored.body;
    }
  });

  it('completes a save that was interrupted after it claimed its revision, and tells the next writer', async () => {
    const designer = await server.as('designer.mx');
    const created = await designer.post<Draft>('/api/protocols/victim-attention/versions/1/variants', {
      jurisdiction: 'MX',
    });
    const draft = created.body;
    // A server claimed revision 2 with its content, then died before writing the draft.
    const doc = (await server.services.repos.drafts.find(draft.id))!;
    const interrupted = {
      file: JSON.stringify({ ...draft.file, title: { es: 'Guardado a medias', en: 'Half saved' } }),
      forms: doc.forms,
      fileId: doc.fileId,
      fileVersion: doc.fileVersion,
      kind: doc.kind,
      problems: doc.problems,
      invariants: doc.invariants,
      updatedBy: doc.updatedBy,
      updatedAt: doc.updatedAt,
    };
    await server.services.models.claims.create({
      _id: `draft:${draft.id}#2`,
      ref: `draft:${draft.id}`,
      value: JSON.stringify(interrupted),
    });
    const next = await designer.put<ErrorBody>(`/api/protocol-drafts/${draft.id}`, {
      file: titled(draft, 1),
      expectedRevision: 1,
    });
    expect(next.status).toBe(409);
    expect(next.body.error.message).toContain('revision 2');
    const stored = await designer.get<Draft>(`/api/protocol-drafts/${draft.id}`);
    expect(stored.body).toMatchObject({ revision: 2, file: { title: { es: 'Guardado a medias' } } });
    // Saving on top of it works as usual, and publishing removes the draft's claims.
    const saved = await designer.put<Draft>(`/api/protocol-drafts/${draft.id}`, {
      file: titled(draft, 2),
      expectedRevision: 2,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(3);
    await designer.post(`/api/protocol-drafts/${draft.id}/publish`);
    expect(await server.services.models.claims.countDocuments({ ref: `draft:${draft.id}` })).toBe(0);
  });
});

describe('a handover accepted and declined at the same moment', () => {
  it('takes exactly one decision: never both an acceptance and a refusal', async () => {
    const mx = await server.as('caseworker.mx');
    const opened = await openCase(mx, 'child-repatriation-mx');
    await driveCase(server, opened.case.id, 'MX', {
      until: (v) => JSON.stringify(v.state.value).includes('travel'),
    });
    const focal = await Promise.all([server.as('focalpoint.gt'), server.as('focalpoint.gt')]);
    const pending = (await focal[0]!.get<HandoverBody[]>('/api/handovers?status=pending')).body.filter(
      (h) => h.caseId === opened.case.id,
    );
    expect(pending).toHaveLength(1);
    const id = pending[0]!.id;
    const receipt = {
      data: {
        expectedArrival: '2026-04-02T16:00:00Z',
        portOfEntry: 'Aeropuerto Internacional La Aurora',
        escortingInstitution: 'Sistema DIF',
      },
    };
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        n % 2 === 0
          ? focal[0]!.post<{ handover: HandoverBody }>(`/api/handovers/${id}/accept`, receipt)
          : focal[1]!.post<HandoverBody>(`/api/handovers/${id}/decline`, { reason: `Intento ${n}` }),
      ),
    );
    const accepted = answers.filter((a, n) => n % 2 === 0 && a.status === 200);
    const declined = answers.filter((a, n) => n % 2 === 1 && a.status === 200);
    const statuses = JSON.stringify(answers.map((a) => a.status));
    expect(accepted.length === 0 || declined.length === 0, statuses).toBe(true);
    // Declining is one act: at most one refusal goes through; the rest are told it is decided.
    expect(declined.length, statuses).toBeLessThanOrEqual(1);
    expect(accepted.length + declined.length, statuses).toBeGreaterThanOrEqual(1);
    for (const refused of answers.filter((a) => a.status !== 200)) expect(refused.status).toBe(409);

    const stored = (await focal[0]!.get<HandoverBody[]>('/api/handovers')).body.find((h) => h.id === id)!;
    expect(stored.status).toBe(accepted.length > 0 ? 'accepted' : 'declined');
    // An acceptance opens the case in Guatemala; a refusal opens none.
    expect(stored.linkedCaseId).toEqual(accepted.length > 0 ? expect.stringMatching(/./) : null);
  });
});

describe('a case handed to the same country twice at the same moment', () => {
  it('stores one handover; the other request is told one is already waiting', async () => {
    const workers = await Promise.all([server.as('caseworker.sv'), server.as('supervisor.sv')]);
    const opened = await caseReadyForHandover(server, 'SV', 'child-repatriation-sv');
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        workers[n % 2]!.post<HandoverBody & ErrorBody>(`/api/cases/${opened.case.id}/handovers`, {
          toCountry: 'GT',
          note: `Envío ${n}`,
        }),
      ),
    );
    const statuses = JSON.stringify(answers.map((a) => a.status));
    expect(
      answers.filter((a) => a.status === 201),
      statuses,
    ).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('handover-pending');
    }
    const sent = (await workers[0]!.get<HandoverBody[]>('/api/handovers')).body.filter(
      (h) => h.caseId === opened.case.id,
    );
    expect(sent).toHaveLength(1);

    // Once Guatemala declines it, the case can be handed to Guatemala again.
    const focal = await server.as('focalpoint.gt');
    expect((await focal.post(`/api/handovers/${sent[0]!.id}/decline`, { reason: 'Sin cupo' })).status).toBe(
      200,
    );
    const again = await workers[0]!.post<HandoverBody>(`/api/cases/${opened.case.id}/handovers`, {
      toCountry: 'GT',
      note: 'Segundo envío',
    });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(sent[0]!.id);
  });
});

describe('a handover stored but not yet shown on its case (its server stopped in between)', () => {
  it('is shown on the case when the case is handed to that country again, and not stored twice', async () => {
    const worker = await server.as('caseworker.sv');
    const opened = await caseReadyForHandover(server, 'SV', 'child-repatriation-sv');
    const sent = await worker.post<HandoverBody>(`/api/cases/${opened.case.id}/handovers`, {
      toCountry: 'HN',
      note: '',
    });
    expect(sent.status).toBe(201);
    // The case forgets it, as if the server had stopped after storing the handover.
    await server.services.models.cases
      .updateOne({ _id: opened.case.id }, { $unset: { [`handovers.${sent.body.id}`]: '' } })
      .exec();
    server.services.caseStore.forget(opened.case.id);
    const before = await worker.get<{ handovers: unknown[] }>(`/api/cases/${opened.case.id}`);
    expect(before.body.handovers).toEqual([]);

    const again = await worker.post<ErrorBody>(`/api/cases/${opened.case.id}/handovers`, {
      toCountry: 'HN',
      note: '',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('handover-pending');
    const after = await worker.get<{ handovers: { id: string; status: string }[] }>(
      `/api/cases/${opened.case.id}`,
    );
    expect(after.body.handovers).toEqual([expect.objectContaining({ id: sent.body.id, status: 'pending' })]);
  });
});

describe('a case handed to several countries at the same moment', () => {
  it('shows every handover on the case: no update of the case undoes another', async () => {
    const worker = await server.as('supervisor.sv');
    const opened = await caseReadyForHandover(server, 'SV', 'child-repatriation-sv');
    const countries = ['GT', 'HN', 'MX', 'CR', 'PA', 'BZ'];
    const answers = await Promise.all(
      countries.map((toCountry) =>
        worker.post<HandoverBody>(`/api/cases/${opened.case.id}/handovers`, { toCountry, note: '' }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(countries.map(() => 201));
    // Read from the database, not from the server's memory of the case.
    const stored = await server.services.repos.cases.find(opened.case.id);
    expect(
      Object.values(stored!.handovers ?? {})
        .map((h) => h.toCountry)
        .sort(),
    ).toEqual([...countries].sort());
    const view = await worker.get<{ handovers: { toCountry: string }[] }>(`/api/cases/${opened.case.id}`);
    expect(view.body.handovers.map((h) => h.toCountry).sort()).toEqual([...countries].sort());
  });
});
