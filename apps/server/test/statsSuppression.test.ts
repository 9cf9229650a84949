import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formExamples, openCase } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface Stats {
  cells: { key: Record<string, string | null>; count: number }[];
  rounding: number;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
  // Mexico screens 7 girls from Guatemala and 3 boys from Honduras.
  const worker = await server.as('caseworker.mx');
  for (let i = 0; i < 10; i++) {
    const c = await openCase(worker, 'child-repatriation-mx');
    await worker.post(`/api/cases/${c.case.id}/steps`, { event: 'DETECT', expectedVersion: 0 });
    const examples = await formExamples(worker, c.case.protocol, 'cr-detection');
    const r = await worker.post(`/api/cases/${c.case.id}/steps`, {
      event: 'SCREENED',
      data: examples[i < 7 ? 0 : 1],
      expectedVersion: 1,
    });
    expect(r.status).toBe(200);
  }
}, 120_000);
afterAll(async () => server?.close());

describe('anonymised statistics', () => {
  it('withholds cells under 5 and rounds the others down to a multiple of 5', async () => {
    const analyst = await server.as('auditor.regional');
    const r = await analyst.get<Stats>('/api/stats?by=originCountry,sex');
    expect(r.status).toBe(200);
    // Nor how many cells were left out: each holds at least one case, so that number would bound
    // the total from below, and the rounded total bounds it from above.
    expect(r.body).toEqual({
      cells: [{ key: { originCountry: 'GT', sex: 'female' }, count: 5 }],
      rounding: 5,
    });
  });

  it('does not let a withheld cell be recovered by subtracting from a total', async () => {
    const analyst = await server.as('auditor.regional');
    const total = (await analyst.get<Stats>('/api/stats?by=protocol')).body;
    const bySex = (await analyst.get<Stats>('/api/stats?by=protocol,sex')).body;
    const totalCount = total.cells.reduce((n, c) => n + c.count, 0);
    const shown = bySex.cells.reduce((n, c) => n + c.count, 0);
    expect(totalCount).toBe(10);
    // Without rounding this would be 10 - 7 = 3, the number of boys. With it, only a range is known.
    expect(totalCount - shown).not.toBe(3);
    for (const cell of [...total.cells, ...bySex.cells]) {
      expect(cell.count % 5).toBe(0);
      expect(cell.count).toBeGreaterThanOrEqual(5);
    }
  });

  it('counts only the caller’s country for national users, and never names a case', async () => {
    const gt = await server.as('supervisor.gt');
    const r = await gt.get<Stats>('/api/stats?by=originCountry,sex,ageGroup,exploitation,protocol,state');
    expect(r.body).toEqual({ cells: [], rounding: 5 });
    const mx = await server.as('supervisor.mx');
    const all = await mx.get<Stats>('/api/stats?by=originCountry,sex,ageGroup,exploitation,protocol,state');
    expect(JSON.stringify(all.body)).not.toMatch(/[0-9a-f]{24}/);
    expect(all.body.cells).toEqual([
      {
        key: {
          originCountry: 'GT',
          sex: 'female',
          ageGroup: '12-17',
          exploitation: 'sexual',
          protocol: 'child-repatriation-mx',
          state: 'identification',
        },
        count: 5,
      },
    ]);
  });
});
