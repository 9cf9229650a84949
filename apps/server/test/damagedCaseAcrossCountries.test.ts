// A case altered in the database answers 409 case-damaged to the users who may see it, so that an
// auditor looks at it. To a user of another country it must stay what every case of another
// country is: 404, with nothing said of it (not that it exists, nor its protocol, which names
// its country), whatever the route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './helpers/apiClient.js';
import { formExamples, openCase } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

let server: TestServer;
let caseId: string;
let gtWorker: ApiClient;
let objection: unknown;

beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
  gtWorker = await server.as('caseworker.gt');
  const opened = await openCase(gtWorker, 'child-repatriation-gt');
  caseId = opened.case.id;
  [objection] = await formExamples(gtWorker, opened.case.protocol, 'cr-objection');
  const stepped = await gtWorker.post(`/api/cases/${caseId}/steps`, {
    event: 'WITHDRAW_CONSENT',
    data: objection,
    expectedVersion: 0,
  });
  expect(stepped.status).toBe(200);
  await server.services.caseStore.drain();
  // Someone with database access changes the case document's head.
  const cases = server.db.connection.collection<{ _id: string; cur: { state: string } }>('cases');
  const doc = (await cases.findOne({ _id: caseId }))!;
  const state = JSON.parse(doc.cur.state) as Record<string, unknown>;
  state.head = 'f'.repeat(64);
  await cases.updateOne({ _id: caseId }, { $set: { 'cur.state': JSON.stringify(state) } });
  server.services.caseStore.forget(caseId);
});
afterAll(async () => server?.close());

/** Every case route a Salvadoran user could call with the Guatemalan case's id. */
const calls = (id: string): [string, string, unknown?][] => [
  ['GET', `/api/cases/${id}`],
  ['GET', `/api/cases/${id}/history`],
  ['POST', `/api/cases/${id}/steps`, { event: 'WITHDRAW_CONSENT', data: objection, expectedVersion: 1 }],
  [
    'POST',
    `/api/cases/${id}/reveal`,
    { form: 'cr-objection', field: 'reasons', reason: 'Checking the case' },
  ],
  ['POST', `/api/cases/${id}/handovers`, { toCountry: 'HN', note: 'test' }],
  ['POST', `/api/cases/${id}/assign`, { userId: 'a'.repeat(24), expectedVersion: 1 }],
  [
    'POST',
    `/api/cases/${id}/migrate`,
    { to: { id: 'child-repatriation', version: 1 }, mapping: {}, expectedVersion: 1 },
  ],
];

describe('a damaged case of another country', () => {
  it('is refused as damaged to its own country', async () => {
    const r = await gtWorker.get<{ error: { code: string } }>(`/api/cases/${caseId}`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('case-damaged');
  });

  it.each(['caseworker.sv', 'supervisor.sv', 'focalpoint.sv', 'auditor.sv'])(
    'answers 404 to %s on every case route, as an unknown id does',
    async (username) => {
      const client = await server.as(username);
      const unknownId = '0'.repeat(24);
      for (const [method, path, body] of calls(caseId)) {
        const r = await client.request<{ error: { code: string; details: unknown[] } }>(method, path, body);
        if (r.status === 403) continue; // the role may not call it at all
        const unknown = await client.request<{ error: { code: string } }>(
          method,
          path.replace(caseId, unknownId),
          body,
        );
        expect({ path, status: r.status, code: r.body.error.code }).toEqual({
          path,
          status: unknown.status,
          code: unknown.body.error.code,
        });
        expect({ path, status: r.status }).toEqual({ path, status: 404 });
        expect(JSON.stringify(r.body)).not.toContain('child-repatriation-gt');
      }
    },
  );
});
