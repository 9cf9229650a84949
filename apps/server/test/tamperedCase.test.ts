// Someone with database access changes a case behind the server's back: deletes stored events,
// or edits the case document (its form data, its stage, its head). The audit says what was
// changed, and no step is chained onto a head the history does not have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventKey } from '../src/db/schemas/caseEventSchema.js';
import type { ApiClient } from './helpers/apiClient.js';
import { driveCase, formExamples, openCase, type CaseViewBody } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

interface ChainBody {
  ok: boolean;
  brokenAt: number | null;
  problem?: Record<string, unknown>;
}
interface ReplayBody {
  ok: boolean;
  firstDivergence: number | null;
  events: { seq: number; hashIntact: boolean; reasons: { code: string; from?: number; to?: number }[] }[];
  document?: Record<string, unknown>[];
}

/** A Guatemalan case with `steps` objections recorded (seq = steps), its document written, the server's memory of it dropped. */
async function caseWithSteps(
  steps: number,
): Promise<{ caseId: string; worker: ApiClient; objection: unknown }> {
  const worker = await server.as('caseworker.gt');
  const opened = await openCase(worker, 'child-repatriation-gt');
  const caseId = opened.case.id;
  const [objection] = await formExamples(worker, opened.case.protocol, 'cr-objection');
  for (let version = 0; version < steps; version++) {
    const r = await worker.post<CaseViewBody>(`/api/cases/${caseId}/steps`, {
      event: 'WITHDRAW_CONSENT',
      data: { ...(objection as object), reasons: `objection ${version}` },
      expectedVersion: version,
    });
    expect(r.status).toBe(200);
  }
  await server.services.caseStore.drain();
  server.services.caseStore.forget(caseId);
  return { caseId, worker, objection };
}

const cases = () => server.db.connection.collection<{ _id: string; cur: { state: string } }>('cases');
const events = () => server.db.connection.collection<{ _id: string }>('caseEvents');

/** Edits the stored case document's state as someone with database access would. */
async function editDocument(caseId: string, change: (state: Record<string, unknown>) => void) {
  const doc = (await cases().findOne({ _id: caseId }))!;
  const state = JSON.parse(doc.cur.state) as Record<string, unknown>;
  change(state);
  const set: Record<string, unknown> = { 'cur.state': JSON.stringify(state) };
  await cases().updateOne({ _id: caseId }, { $set: set });
  server.services.caseStore.forget(caseId);
}

async function audit(caseId: string) {
  const auditor = await server.as('auditor.gt');
  const chain = await auditor.get<ChainBody>(`/api/cases/${caseId}/audit/chain`);
  const replay = await auditor.get<ReplayBody>(`/api/cases/${caseId}/audit/replay`);
  expect(chain.status).toBe(200);
  expect(replay.status).toBe(200);
  return { chain: chain.body, replay: replay.body };
}

describe('the audit of an untouched case', () => {
  it('finds the document and the history in agreement', async () => {
    const { caseId } = await caseWithSteps(2);
    const { chain, replay } = await audit(caseId);
    expect(chain).toEqual({ ok: true, events: 3, brokenAt: null, reason: '' });
    expect(replay).toMatchObject({ ok: true, firstDivergence: null, document: [] });
  });
});

describe('a case whose last stored event was deleted', () => {
  it('is reported with its events missing at the end, and refused rather than shown', async () => {
    const { caseId, worker } = await caseWithSteps(3);
    await events().deleteOne({ _id: eventKey(caseId, 3) });
    const { chain, replay } = await audit(caseId);
    expect(chain).toMatchObject({
      ok: false,
      brokenAt: 3,
      problem: { code: 'events-missing-at-end', from: 3, to: 3 },
    });
    expect(replay.ok).toBe(false);
    expect(replay.events[replay.firstDivergence!]!.reasons).toEqual([
      expect.objectContaining({ code: 'events-missing-at-end', from: 3, to: 3 }),
    ]);
    const view = await worker.get<{ error: { code: string } }>(`/api/cases/${caseId}`);
    expect(view.status).toBe(409);
    expect(view.body.error.code).toBe('case-damaged');
  });
});

describe('a case whose document was edited in the database', () => {
  it('says which form’s data differs from the history, without its values', async () => {
    const { caseId } = await caseWithSteps(2);
    await editDocument(caseId, (state) => {
      const data = state.data as Record<string, Record<string, unknown>>;
      data['cr-objection']!.reasons = 'a forged objection';
    });
    const { chain, replay } = await audit(caseId);
    expect(chain).toMatchObject({
      ok: false,
      problem: { code: 'document-differs', differences: [{ part: 'data', form: 'cr-objection' }] },
    });
    expect(replay).toMatchObject({ ok: false, firstDivergence: null });
    expect(replay.document).toEqual([{ part: 'data', form: 'cr-objection' }]);
    expect(JSON.stringify([chain, replay])).not.toContain('forged');
  });

  it('refuses the case rather than show or step on forged form data', async () => {
    const { caseId, worker, objection } = await caseWithSteps(2);
    await editDocument(caseId, (state) => {
      const data = state.data as Record<string, Record<string, unknown>>;
      data['cr-objection']!.reasons = 'a forged objection';
    });
    const view = await worker.get<{ error: { code: string; message: string } }>(`/api/cases/${caseId}`);
    expect(view.status).toBe(409);
    expect(view.body.error.code).toBe('case-damaged');
    expect(JSON.stringify(view.body)).not.toContain('forged');
    const step = await worker.post<{ error: { code: string } }>(`/api/cases/${caseId}/steps`, {
      event: 'WITHDRAW_CONSENT',
      data: objection,
      expectedVersion: 2,
    });
    expect(step.status).toBe(409);
    expect(step.body.error.code).toBe('case-damaged');
    expect((await server.services.repos.events.history(caseId)).map((e) => e.seq)).toEqual([0, 1, 2]);
  });

  it('refuses a case whose deadlines were removed from its document', async () => {
    const worker = await server.as('caseworker.gt');
    const caseId = (await openCase(worker, 'child-repatriation-gt')).case.id;
    await driveCase(server, caseId, 'GT', {
      until: (v) => ((v.case as { deadlines?: unknown[] }).deadlines ?? []).length > 0,
    });
    await server.services.caseStore.drain();
    await editDocument(caseId, (state) => {
      expect(state.deadlines).not.toEqual([]);
      state.deadlines = [];
    });
    expect((await worker.get(`/api/cases/${caseId}`)).status).toBe(409);
  });

  it('serves an untouched case read back from the database after a restart of its memory', async () => {
    const { caseId, worker } = await caseWithSteps(2);
    const view = await worker.get<CaseViewBody>(`/api/cases/${caseId}`);
    expect(view.status).toBe(200);
    expect(view.body.case.seq).toBe(2);
  });

  it('says the stage differs, and refuses the case rather than show the forged stage', async () => {
    const { caseId, worker } = await caseWithSteps(1);
    let recorded: unknown;
    await editDocument(caseId, (state) => {
      recorded = state.value;
      state.value = 'closed';
      state.status = 'closed';
    });
    const { chain } = await audit(caseId);
    expect(chain.problem).toMatchObject({
      code: 'document-differs',
      differences: [
        { part: 'stage', stored: 'closed', replayed: recorded },
        { part: 'status', stored: 'closed', replayed: 'active' },
      ],
    });
    expect((await worker.get(`/api/cases/${caseId}`)).status).toBe(409);
  });

  it('never chains a step onto a forged head: the step is refused, the history stays as it was', async () => {
    const { caseId, worker, objection } = await caseWithSteps(2);
    const forged = 'f'.repeat(64);
    await editDocument(caseId, (state) => {
      state.head = forged;
    });
    const step = await worker.post<{ error: { code: string; details: unknown } }>(
      `/api/cases/${caseId}/steps`,
      {
        event: 'WITHDRAW_CONSENT',
        data: objection,
        expectedVersion: 2,
      },
    );
    expect(step.status).toBe(409);
    expect(step.body.error).toMatchObject({ code: 'case-damaged', details: [{ caseId, seq: 2 }] });
    expect((await server.services.repos.events.history(caseId)).map((e) => e.seq)).toEqual([0, 1, 2]);
    const { chain, replay } = await audit(caseId);
    expect(chain).toMatchObject({
      ok: false,
      problem: { code: 'document-differs', differences: [{ part: 'head', stored: forged }] },
    });
    // Every stored event is intact: the history blames none of them.
    expect(replay.events.every((e) => e.hashIntact && e.reasons.length === 0)).toBe(true);
    expect(replay.document).toEqual([expect.objectContaining({ part: 'head', stored: forged })]);
  });
});

describe('a case with an event deleted from the middle of its history', () => {
  it('says once which event is missing; the later events keep their intact hashes', async () => {
    const { caseId } = await caseWithSteps(5);
    await events().deleteOne({ _id: eventKey(caseId, 3) });
    const { chain, replay } = await audit(caseId);
    expect(chain).toMatchObject({
      ok: false,
      brokenAt: 3,
      problem: { code: 'events-missing', from: 3, to: 3 },
    });
    expect(replay.firstDivergence).toBe(3);
    expect(replay.events.map((e) => e.hashIntact)).toEqual([true, true, true, true, true]);
    const missing = replay.events.flatMap((e) => e.reasons.filter((r) => r.code === 'events-missing'));
    expect(missing).toEqual([expect.objectContaining({ from: 3, to: 3 })]);
  });
});
