import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, type CaseViewBody } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

type Refusal = { error: { code: string; message: string; details: { code: string; path?: string }[] } };

describe('steps a client may not send', () => {
  it('RECEIVE_HANDOVER: only accepting a handover records it, so a case cannot be faked as received', async () => {
    const worker = await server.as('caseworker.hn');
    const focal = await server.as('focalpoint.hn');
    const c = await openCase(worker, 'child-repatriation');
    // Not offered as an action either.
    const view = await focal.get<CaseViewBody>(`/api/cases/${c.case.id}`);
    expect(view.body.available.map((a) => a.event)).not.toContain('RECEIVE_HANDOVER');
    const r = await focal.post<Refusal>(`/api/cases/${c.case.id}/steps`, {
      event: 'RECEIVE_HANDOVER',
      data: { sendingCountry: 'GT', sendingCaseReference: 'GT-1', sex: 'male', ageGroup: '0-11' },
      expectedVersion: 0,
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('step-rejected');
    expect(r.body.error.message).toContain('POST /api/handovers/:id/accept');
    const after = await worker.get<CaseViewBody>(`/api/cases/${c.case.id}`);
    expect(after.body.version).toBe(0);
    expect(after.body.case.data).toEqual({});
  });

  it('data with a step that records no form: refused, not kept unvalidated in the history', async () => {
    const worker = await server.as('caseworker.gt');
    const c = await openCase(worker, 'child-repatriation-gt');
    const step = c.available.find((a) => a.ok && a.form === undefined)!;
    const r = await worker.post<Refusal>(`/api/cases/${c.case.id}/steps`, {
      event: step.event,
      data: { name: 'Juan Pérez' },
      expectedVersion: 0,
    });
    expect(r.status).toBe(422);
    expect(r.body.error.details).toEqual([expect.objectContaining({ code: 'bad-input', path: '/data' })]);
    expect(r.body.error.message).not.toContain('Juan');
    const history = await worker.get<unknown[]>(`/api/cases/${c.case.id}/history`);
    expect(history.body).toHaveLength(1);
    const ok = await worker.post(`/api/cases/${c.case.id}/steps`, { event: step.event, expectedVersion: 0 });
    expect(ok.status).toBe(200);
  });
});
