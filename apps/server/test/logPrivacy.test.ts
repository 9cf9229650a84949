import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formExamples, openCase } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

const lines: string[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, logStream: { write: (l) => lines.push(l) } });
});
afterAll(async () => server?.close());

describe('the request log', () => {
  it('records requests without victim data, tokens or query strings', async () => {
    const worker = await server.as('caseworker.gt');
    const c = await openCase(worker, 'child-repatriation-gt');
    await worker.post(`/api/cases/${c.case.id}/steps`, { event: 'DETECT', expectedVersion: 0 });
    const [detection] = await formExamples(worker, c.case.protocol, 'cr-detection');
    const secret = {
      ...detection,
      childName: 'Maria Secreta Ejemplo',
      observations: 'testimonio-muy-privado',
    };
    expect(
      (
        await worker.post(`/api/cases/${c.case.id}/steps`, {
          event: 'SCREENED',
          data: secret,
          expectedVersion: 1,
        })
      ).status,
    ).toBe(200);
    await worker.post(`/api/cases/${c.case.id}/steps`, { event: 'NOPE', data: secret, expectedVersion: 2 });
    await worker.post(`/api/cases/${c.case.id}/reveal`, {
      form: 'cr-detection',
      field: 'childName',
      reason: 'motivo-reservado de la revelación',
    });
    await worker.get('/api/cases?state=persona-buscada');

    const log = lines.join('');
    expect(log).toContain(c.case.id); // case ids are fine
    expect(log).toContain('"statusCode":422');
    for (const leak of [
      'Maria Secreta',
      'testimonio-muy-privado',
      'motivo-reservado',
      'persona-buscada',
      worker.token!,
      'authorization',
      'cookie',
    ]) {
      expect(log).not.toContain(leak);
    }
  });

  it('shows sensitive values as "[reserved]" until revealed with a reason', async () => {
    const worker = await server.as('caseworker.gt');
    const c = await openCase(worker, 'child-repatriation-gt');
    await worker.post(`/api/cases/${c.case.id}/steps`, { event: 'DETECT', expectedVersion: 0 });
    const [detection] = await formExamples(worker, c.case.protocol, 'cr-detection');
    const data: Record<string, unknown> = { ...detection, childName: 'Ana Reservada' };
    await worker.post(`/api/cases/${c.case.id}/steps`, { event: 'SCREENED', data, expectedVersion: 1 });
    const view = await worker.get<{ case: { data: Record<string, Record<string, unknown>> } }>(
      `/api/cases/${c.case.id}`,
    );
    expect(view.body.case.data['cr-detection']!.childName).toBe('[reserved]');
    expect(view.body.case.data['cr-detection']!.sex).toBe(data.sex);
    const history = await worker.get<{ data?: Record<string, unknown> }[]>(`/api/cases/${c.case.id}/history`);
    expect(JSON.stringify(history.body)).not.toContain('Ana Reservada');
    const revealed = await worker.post<{ value: unknown }>(`/api/cases/${c.case.id}/reveal`, {
      form: 'cr-detection',
      field: 'childName',
      reason: 'Identity check requested by the consulate',
    });
    expect(revealed.body.value).toBe('Ana Reservada');
  });

  it('writes every read and write of a case to the access log, with the reason for a reveal', async () => {
    const worker = await server.as('caseworker.gt');
    const c = await openCase(worker, 'child-repatriation-gt');
    await worker.get(`/api/cases/${c.case.id}`);
    await worker.post(`/api/cases/${c.case.id}/steps`, { event: 'DETECT', expectedVersion: 0 });
    await worker.get(`/api/cases/${c.case.id}/history`);
    await worker.post(`/api/cases/${c.case.id}/reveal`, {
      form: 'cr-detection',
      field: 'childName',
      reason: 'The judge asked for the name',
    });
    const entries = await server.services.repos.accessLog.forCase(c.case.id);
    expect(entries.map((e) => e.action)).toEqual(['open', 'read', 'step', 'history', 'reveal']);
    expect(entries[4]).toMatchObject({
      detail: 'cr-detection.childName',
      reason: 'The judge asked for the name',
      country: 'GT',
      role: 'caseworker',
    });
  });
});
