// Someone with database access garbles the text of a stored event (a name edited by hand, a
// quote lost). The case is then damaged like any other altered case: reads answer 409
// case-damaged, the audit still answers and names the event, and nothing of the garbled text
// (a child's name) reaches an answer or the server log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './helpers/apiClient.js';
import { formExamples, openCase } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

const NAME = 'Maria Secreta Ejemplo';
const lines: string[] = [];
let server: TestServer;
let worker: ApiClient;
let auditor: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, logStream: { write: (l) => lines.push(l) } });
  worker = await server.as('caseworker.gt');
  auditor = await server.as('auditor.gt');
});
afterAll(async () => server?.close());

/** A Guatemalan case whose detection (event 2) records NAME, with the stored text of event `seq` garbled. */
async function caseWithGarbledEvent(seq: number, extraSteps: number): Promise<string> {
  const opened = await openCase(worker, 'child-repatriation-gt');
  const caseId = opened.case.id;
  expect(
    (await worker.post(`/api/cases/${caseId}/steps`, { event: 'DETECT', expectedVersion: 0 })).status,
  ).toBe(200);
  const [detection] = await formExamples(worker, opened.case.protocol, 'cr-detection');
  const screened = await worker.post(`/api/cases/${caseId}/steps`, {
    event: 'SCREENED',
    data: { ...detection, childName: NAME },
    expectedVersion: 1,
  });
  expect(screened.status).toBe(200);
  const [objection] = await formExamples(worker, opened.case.protocol, 'cr-objection');
  for (let v = 2; v < 2 + extraSteps; v++) {
    const r = await worker.post(`/api/cases/${caseId}/steps`, {
      event: 'WITHDRAW_CONSENT',
      data: objection,
      expectedVersion: v,
    });
    expect(r.status).toBe(200);
  }
  await server.services.caseStore.drain();
  const events = server.db.connection.collection<{
    _id: string;
    caseId: string;
    seq: number;
    record: string;
  }>('caseEvents');
  const doc = (await events.findOne({ caseId, seq }))!;
  expect(doc.record).toContain(`"${NAME}`);
  await events.updateOne({ _id: doc._id }, { $set: { record: doc.record.replace(`"${NAME}`, NAME) } });
  server.services.caseStore.forget(caseId);
  return caseId;
}

type ErrorBody = { error: { code: string; details: { seq?: number }[] } };

describe('a stored event whose text is not an event record', () => {
  it('makes the case answer 409 case-damaged when it is the last event', async () => {
    const caseId = await caseWithGarbledEvent(2, 0);
    lines.length = 0;
    const r = await worker.get<ErrorBody>(`/api/cases/${caseId}`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('case-damaged');
    const step = await worker.post<ErrorBody>(`/api/cases/${caseId}/steps`, {
      event: 'WITHDRAW_CONSENT',
      data: {},
      expectedVersion: 2,
    });
    expect(step.status).toBe(409);
    expect(JSON.stringify([r.body, step.body])).not.toContain('Maria');
    expect(lines.join('')).not.toContain('Maria');
  });

  it('makes the history answer 409, and the audit name the event, when it is an earlier one', async () => {
    const caseId = await caseWithGarbledEvent(2, 2);
    lines.length = 0;
    const history = await worker.get<ErrorBody>(`/api/cases/${caseId}/history`);
    expect(history.status).toBe(409);
    expect(history.body.error).toMatchObject({ code: 'case-damaged', details: [{ caseId, seq: 2 }] });

    const chain = await auditor.get<{ ok: boolean; brokenAt: number; problem: { code: string } }>(
      `/api/cases/${caseId}/audit/chain`,
    );
    expect(chain.status).toBe(200);
    expect(chain.body).toMatchObject({ ok: false, brokenAt: 2, problem: { code: 'bad-record' } });

    const replay = await auditor.get<{ ok: boolean; firstDivergence: number }>(
      `/api/cases/${caseId}/audit/replay`,
    );
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ ok: false, firstDivergence: 2 });
    const whatIf = await auditor.post<{ ok: boolean }>(`/api/cases/${caseId}/audit/what-if`, {
      protocol: { id: 'child-repatriation', version: 1 },
    });
    expect(whatIf.status).toBe(200);
    expect(whatIf.body.ok).toBe(false);

    expect(JSON.stringify([history.body, chain.body, replay.body, whatIf.body])).not.toContain('Maria');
    expect(lines.join('')).not.toContain('Maria');
  });
});
