import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEffectRunner } from '../src/services/caseEffects.js';
import { driveCase, formExamples, openCase, type CaseViewBody } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

describe('effects of a step', () => {
  it('refers a national child to victim attention: a linked case in the same country, under its variant', async () => {
    const worker = await server.as('caseworker.gt');
    const c = await openCase(worker, 'child-repatriation-gt');
    await driveCase(server, c.case.id, 'GT', {
      until: (v) => JSON.stringify(v.state.value).includes('verification'),
    });
    const samples = await formExamples(worker, c.case.protocol, 'cr-verification');
    const national = samples.find((s) => s.nationalityStatus === 'national')!;
    const current = await worker.get<CaseViewBody>(`/api/cases/${c.case.id}`);
    const r = await worker.post<CaseViewBody>(`/api/cases/${c.case.id}/steps`, {
      event: 'VERIFIED',
      data: national,
      expectedVersion: current.body.version,
    });
    expect(r.status).toBe(200);
    expect(r.body.case.status).toBe('closed');
    expect(r.body.linked).toEqual([
      expect.objectContaining({
        country: 'GT',
        relation: 'referral',
        protocol: { id: 'victim-attention-gt', version: 1 },
      }),
    ]);

    const linkedId = r.body.linked[0]!.caseId;
    const linked = await worker.get<CaseViewBody>(`/api/cases/${linkedId}`);
    expect(linked.status).toBe(200);
    expect(linked.body.linked).toEqual([
      expect.objectContaining({ caseId: c.case.id, relation: 'referred-from' }),
    ]);
    // Carrying the effect out again (as after a crash) opens nothing new.
    const event = (await server.services.repos.events.history(c.case.id)).at(-1)!;
    const before = await server.services.repos.cases.count();
    const s = server.services;
    const loaded = (await s.caseStore.load(c.case.id))!;
    const runEffects = createEffectRunner({
      store: s.caseStore,
      cases: s.repos.cases,
      links: s.repos.links,
      notifications: s.repos.notifications,
      protocols: s.protocolStore,
      logger: pino({ level: 'silent' }),
      handOver: (after, to, e, key) => s.handovers.createFromEffect(after, to, e, key),
    });
    await runEffects(event, loaded);
    expect(await server.services.repos.cases.count()).toBe(before);
  });
});
