import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formExamples, openCase, type CaseViewBody } from './helpers/factories.js';
import { readPages } from './helpers/readPages.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';
import { TestClock } from './helpers/testClock.js';

interface Row {
  id: string;
  nextDue: string | null;
  overdue: boolean;
  state: { titles: { en: string }[] };
}

const clock = new TestClock('2026-12-01T08:00:00.000Z');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, clock: clock.now });
});
afterAll(async () => server?.close());

async function screenedCase(country = 'hn'): Promise<string> {
  const worker = await server.as(`caseworker.${country}`);
  const c = await openCase(worker, 'child-repatriation');
  await worker.post(`/api/cases/${c.case.id}/steps`, { event: 'DETECT', expectedVersion: 0 });
  const [detection] = await formExamples(worker, c.case.protocol, 'cr-detection');
  // Detected as the screening is saved: its deadlines count 24 h from now.
  const r = await worker.post<CaseViewBody>(`/api/cases/${c.case.id}/steps`, {
    event: 'SCREENED',
    data: { ...detection, detectedAt: clock.now() },
    expectedVersion: 1,
  });
  expect(r.status).toBe(200);
  return c.case.id;
}

describe('the worklist', () => {
  it('shows overdue cases first, then the nearest deadline, then cases without one', async () => {
    const worker = await server.as('caseworker.hn');
    const undated = (await openCase(worker, 'child-repatriation')).case.id;
    const older = await screenedCase(); // deadlines 24 h after now
    clock.advanceHours(30); // older's 24-hour deadlines are now past; so are the 12-hour sessions
    expect((await worker.get('/api/cases')).status).toBe(401);
    server.forgetLogins();
    const newer = await screenedCase();
    // The case documents the worklist reads follow their steps a moment later: let them.
    await server.services.caseStore.drain();

    const rows = (await (await server.as('caseworker.hn')).get<Row[]>('/api/cases')).body;
    expect(rows.map((r) => r.id)).toEqual([older, newer, undated]);
    expect(rows.map((r) => r.overdue)).toEqual([true, false, false]);
    expect(rows[2]!.nextDue).toBeNull();
    expect(rows[0]!.state.titles.length).toBeGreaterThan(1);

    const fresh = await server.as('caseworker.hn');
    const overdue = (await fresh.get<Row[]>('/api/cases?overdue=true')).body;
    expect(overdue.map((r) => r.id)).toEqual([older]);
    const onTime = (await fresh.get<Row[]>('/api/cases?overdue=false')).body;
    expect(onTime.map((r) => r.id)).toEqual([newer, undated]);
    const view = await fresh.get<CaseViewBody & { overdue: boolean }>(`/api/cases/${older}`);
    expect(view.body.overdue).toBe(true);
  });

  it('lists only the caller’s country', async () => {
    const gt = await server.as('caseworker.gt');
    expect((await gt.get<Row[]>('/api/cases')).body).toEqual([]);
    const regional = await server.as('auditor.regional');
    expect((await regional.get<Row[]>('/api/cases?country=HN')).body).toHaveLength(3);
  });

  it('comes in pages when asked: each page says where the next one starts, and together they are the whole list', async () => {
    const worker = await server.as('caseworker.sv');
    for (let i = 0; i < 2; i++) await openCase(worker, 'child-repatriation');
    await Promise.all([screenedCase('sv'), screenedCase('sv')]);
    // The case documents the worklist reads follow their steps a moment later: let them, so
    // that no case moves in the order between reading the whole list and reading it in pages.
    await server.services.caseStore.drain();
    const whole = (await worker.get<Row[]>('/api/cases')).body.map((r) => r.id);
    expect(whole).toHaveLength(4);
    const pages = await readPages(worker, '/api/cases?limit=3');
    expect(pages.map((p) => p.length)).toEqual([3, 1]);
    expect(pages.flat()).toEqual(whole);
    const bad = await worker.get<{ error: { code: string; message: string } }>('/api/cases?after=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('X-Next-Cursor');
    expect((await worker.get('/api/cases?limit=0')).status).toBe(400);
  });
});
