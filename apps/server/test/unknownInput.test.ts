import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

type Refusal = {
  error: { code: string; message: string; details: { in: string; path: string; message: string }[] };
};

describe('input the API does not take is refused, not dropped unseen', () => {
  it('a body field the request does not have (a case "opened in SV", a misspelt "Data"): 400, nothing done', async () => {
    const worker = await server.as('caseworker.gt');
    const before = (await worker.get<unknown[]>('/api/cases')).body.length;
    const open = await worker.post<Refusal>('/api/cases', {
      protocol: { id: 'child-repatriation-gt', version: 1 },
      country: 'SV',
    });
    expect(open.status).toBe(400);
    expect(open.body.error.code).toBe('invalid-input');
    expect(open.body.error.details).toEqual([
      expect.objectContaining({
        in: 'body',
        path: 'country',
        message: expect.stringContaining('leave "country" out'),
      }),
    ]);
    expect(open.body.error.message).toContain('this request takes the fields protocol only');
    expect((await worker.get<unknown[]>('/api/cases')).body).toHaveLength(before);

    const c = await openCase(worker, 'child-repatriation-gt');
    const step = await worker.post<Refusal>(`/api/cases/${c.case.id}/steps`, {
      event: c.available[0]!.event,
      Data: { name: 'x' },
      expectedVersion: 0,
    });
    expect(step.status).toBe(400);
    expect(step.body.error.details.map((d) => d.path)).toEqual(['Data']);
    expect((await worker.get<{ version: number }>(`/api/cases/${c.case.id}`)).body.version).toBe(0);
  });

  it('a body sent to a request that takes none, and a query parameter a list does not have', async () => {
    const focal = await server.as('focalpoint.gt');
    const read = await focal.post<Refusal>('/api/notifications/65f1c0ffee0000000000abcd:1:0/read', {
      all: true,
    });
    expect(read.status).toBe(400);
    expect(read.body.error.message).toContain('this request takes no body');
    const worker = await server.as('caseworker.gt');
    const list = await worker.get<Refusal>('/api/cases?overdu=true');
    expect(list.status).toBe(400);
    expect(list.body.error.details).toEqual([
      expect.objectContaining({
        in: 'query',
        path: 'overdu',
        message: expect.stringContaining('is not a parameter here'),
      }),
    ]);
  });

  it('a page size written other than in digits, or given twice', async () => {
    const worker = await server.as('caseworker.gt');
    for (const limit of ['0x10', '1e2', '%20%2010', '', '0', '501', 'abc', '1&limit=2']) {
      const r = await worker.get<Refusal>(`/api/cases?limit=${limit}`);
      expect(r.status, `limit=${limit}`).toBe(400);
      expect(r.body.error.details[0]).toMatchObject({ in: 'query', path: 'limit' });
    }
    expect((await worker.get<Refusal>('/api/cases?limit=0x10')).body.error.message).toContain(
      'must be a whole number from 1 to 500, written in digits',
    );
    expect((await worker.get<Refusal>('/api/cases?limit=1&limit=2')).body.error.message).toContain(
      'query.limit: is given more than once: give it once',
    );
    expect((await worker.get('/api/cases?limit=500')).status).toBe(200);
  });
});
