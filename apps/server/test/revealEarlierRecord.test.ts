import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveCase, openCase } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

type Shown = { seq: number; type: string; data?: Record<string, unknown> };
type Refusal = { error: { code: string; details: unknown[] } };
const reason = 'Revisión del primer registro para la audiencia';

describe('revealing a sensitive answer of an earlier step', () => {
  it('gives the value that step recorded, logged with the step, and refuses steps that recorded no such form', async () => {
    const worker = await server.as('caseworker.gt');
    const c = await openCase(worker, 'child-repatriation-gt');
    await driveCase(server, c.case.id, 'GT', { until: (v) => v.case.data['cr-detection'] !== undefined });
    const history = (await worker.get<Shown[]>(`/api/cases/${c.case.id}/history`)).body;
    const detection = history.find((e) => e.data?.childName !== undefined)!;
    expect(detection.data!.childName).toBe('[reserved]');
    const recorded = (await server.services.repos.events.find(c.case.id, detection.seq))!.data as {
      childName: string;
    };

    const r = await worker.post<{ value: unknown }>(`/api/cases/${c.case.id}/reveal`, {
      form: 'cr-detection',
      field: 'childName',
      reason,
      seq: detection.seq,
    });
    expect(r.status).toBe(200);
    expect(r.body.value).toBe(recorded.childName);

    const noForm = history.find((e) => e.seq > 0 && e.data === undefined)!;
    const wrong = await worker.post<Refusal>(`/api/cases/${c.case.id}/reveal`, {
      form: 'cr-detection',
      field: 'childName',
      reason,
      seq: noForm.seq,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('unknown-form');
    const beyond = await worker.post<Refusal>(`/api/cases/${c.case.id}/reveal`, {
      form: 'cr-detection',
      field: 'childName',
      reason,
      seq: history.length + 5,
    });
    expect(beyond.status).toBe(404);
  });
});
