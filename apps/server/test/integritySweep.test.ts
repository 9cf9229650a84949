// Someone with database access changes cases nobody opens afterwards. The integrity sweep checks
// every case's chain, replay and document, lists the damaged ones to the auditors of their
// country (where each breaks, never a value), names them in the log, and drops a case from the
// list once it is sound again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventKey } from '../src/db/schemas/caseEventSchema.js';
import type { ApiClient } from './helpers/apiClient.js';
import { formExamples, openCase } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';
import { sweepNow } from './helpers/sweepNow.js';

interface IntegrityBody {
  sweep: {
    startedAt: string;
    finishedAt: string | null;
    running: boolean;
    cases: number;
    damaged: number;
  } | null;
  total: number;
  cases: {
    caseId: string;
    country: string;
    problem: { code: string; seq: number | null; parts: string[]; forms: string[]; reasons: string[] };
  }[];
}

const lines: string[] = [];
let server: TestServer;
let gtAuditor: ApiClient;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, logStream: { write: (l) => lines.push(l) } });
  gtAuditor = await server.as('auditor.gt');
});
afterAll(async () => server?.close());

/** A case of the country with `steps` objections recorded, its document written. */
async function caseWithSteps(country: 'gt' | 'sv', steps: number): Promise<string> {
  const worker = await server.as(`caseworker.${country}`);
  const opened = await openCase(worker, `child-repatriation-${country}`);
  const [objection] = await formExamples(worker, opened.case.protocol, 'cr-objection');
  for (let version = 0; version < steps; version++) {
    const r = await worker.post(`/api/cases/${opened.case.id}/steps`, {
      event: 'WITHDRAW_CONSENT',
      data: { ...(objection as object), reasons: `objection ${version}` },
      expectedVersion: version,
    });
    expect(r.status).toBe(200);
  }
  await server.services.caseStore.drain();
  return opened.case.id;
}

const cases = () => server.db.connection.collection<{ _id: string; cur: { state: string } }>('cases');
const events = () => server.db.connection.collection<{ _id: string }>('caseEvents');

async function forgeObjection(caseId: string): Promise<string> {
  const doc = (await cases().findOne({ _id: caseId }))!;
  const state = JSON.parse(doc.cur.state) as { data: Record<string, Record<string, unknown>> };
  state.data['cr-objection']!.reasons = 'a forged objection';
  await cases().updateOne({ _id: caseId }, { $set: { 'cur.state': JSON.stringify(state) } });
  return doc.cur.state;
}

const sweep = (as: ApiClient = gtAuditor) => sweepNow<IntegrityBody>(server, as);

describe('the integrity sweep', () => {
  let forged: string;
  let cutShort: string;
  let intact: string;
  let salvadoran: string;
  let original: string;

  beforeAll(async () => {
    [forged, cutShort, intact, salvadoran] = await Promise.all([
      caseWithSteps('gt', 2),
      caseWithSteps('gt', 3),
      caseWithSteps('gt', 1),
      caseWithSteps('sv', 1),
    ]);
    original = await forgeObjection(forged);
    await events().deleteOne({ _id: eventKey(cutShort, 3) });
    await forgeObjection(salvadoran);
  });

  it('lists to an auditor the damaged cases of their country, saying where each breaks and no value', async () => {
    const report = await sweep();
    expect(report.sweep).toMatchObject({ running: false, cases: 3, damaged: 2 });
    expect(report.sweep!.finishedAt).not.toBeNull();
    expect(report.total).toBe(2);
    const byCase = new Map(report.cases.map((c) => [c.caseId, c]));
    expect(byCase.get(forged)).toMatchObject({
      country: 'GT',
      protocol: { id: 'child-repatriation-gt' },
      problem: { code: 'document-differs', parts: ['data'], forms: ['cr-objection'] },
    });
    expect(byCase.get(cutShort)).toMatchObject({
      country: 'GT',
      problem: { code: 'events-missing-at-end', seq: 3 },
    });
    expect(byCase.has(intact)).toBe(false);
    expect(byCase.has(salvadoran)).toBe(false);
    expect(JSON.stringify(report)).not.toContain('forged');
  });

  it('lists every country’s to a regional auditor, and nothing to a case worker', async () => {
    const regional = await server.as('auditor.regional');
    const report = (await regional.get<IntegrityBody>('/api/audit/integrity')).body;
    expect(report.sweep).toMatchObject({ cases: 4, damaged: 3 });
    expect(report.cases.map((c) => c.caseId).sort()).toEqual([forged, cutShort, salvadoran].sort());
    const worker = await server.as('caseworker.gt');
    expect((await worker.get('/api/audit/integrity')).status).toBe(403);
    expect((await worker.post('/api/audit/integrity/sweep')).status).toBe(403);
  });

  it('names each damaged case in the log, without its data', () => {
    const warned = lines.filter((l) => l.includes('integrity sweep: case does not stand'));
    expect(warned.some((l) => l.includes(forged))).toBe(true);
    expect(warned.some((l) => l.includes(cutShort))).toBe(true);
    expect(lines.join('\n')).not.toContain('forged objection');
  });

  it('drops a case from the list once its document is restored', async () => {
    await cases().updateOne({ _id: forged }, { $set: { 'cur.state': original } });
    const report = await sweep();
    expect(report.cases.map((c) => c.caseId)).toEqual([cutShort]);
    expect(report.sweep).toMatchObject({ cases: 3, damaged: 1 });
  });

  it('refuses a query or a body it does not take', async () => {
    const r = await gtAuditor.get<{ error: { code: string } }>('/api/audit/integrity?country=SV');
    expect(r.status).toBe(400);
  });
});
