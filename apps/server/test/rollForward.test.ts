import { openCase as engineOpen, step } from '@ruta/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectIds } from '../src/systemDeps.js';
import { formExamples, openCase, type CaseViewBody } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

const clock = () => new Date().toISOString();

describe('a process that dies between the event insert and the case update', () => {
  it('leaves a case that the next read rolls forward, exactly as the step would have left it', async () => {
    const worker = await server.as('caseworker.gt');
    const opened = await openCase(worker, 'child-repatriation-gt');
    const caseId = opened.case.id;
    const s = server.services;
    const before = (await s.caseStore.load(caseId))!;
    const { compiled } = await s.protocolStore.get(before.state.protocol.id, before.state.protocol.version);
    const actor = { userId: 'u1', role: 'caseworker' as const, country: 'GT' as const };
    const r = step(compiled, before.state, { event: 'DETECT', actor }, { clock, ids: objectIds });
    if (!r.ok) throw new Error('DETECT refused');
    // The commit point is reached, then the process "dies": the case document is not updated.
    expect(await s.repos.events.append(r.event)).toBe(true);
    s.caseStore.forget(caseId);
    expect((await s.repos.cases.find(caseId))!.cur.seq).toBe(0);

    const view = await worker.get<CaseViewBody>(`/api/cases/${caseId}`);
    expect(view.body.version).toBe(1);
    expect(view.body.case.head).toBe(r.event.hash);
    expect(view.body.state.value).toEqual(r.case.value);
    await s.caseStore.drain(); // the document follows behind the answer
    expect((await s.repos.cases.find(caseId))!.cur.seq).toBe(1);
  });

  it('answers 409 to a client retrying the lost step, and rolls the case forward', async () => {
    const worker = await server.as('caseworker.gt');
    const opened = await openCase(worker, 'child-repatriation-gt');
    const caseId = opened.case.id;
    const s = server.services;
    const before = (await s.caseStore.load(caseId))!;
    const { compiled } = await s.protocolStore.get(before.state.protocol.id, before.state.protocol.version);
    const r = step(
      compiled,
      before.state,
      { event: 'DETECT', actor: { userId: 'u1', role: 'caseworker', country: 'GT' } },
      { clock, ids: objectIds },
    );
    if (!r.ok) throw new Error('DETECT refused');
    await s.repos.events.append(r.event);
    const retry = await worker.post<{ error: { code: string } }>(`/api/cases/${caseId}/steps`, {
      event: 'DETECT',
      expectedVersion: 0,
    });
    expect(retry.status).toBe(409);
    await s.caseStore.drain();
    expect((await s.repos.cases.find(caseId))!.cur.seq).toBe(1);
    const [detection] = await formExamples(worker, opened.case.protocol, 'cr-detection');
    const next = await worker.post<CaseViewBody>(`/api/cases/${caseId}/steps`, {
      event: 'SCREENED',
      data: detection,
      expectedVersion: 1,
    });
    expect(next.status).toBe(200);
    expect(next.body.version).toBe(2);
  });

  it('rebuilds a case whose "opened" event was stored but whose document was not', async () => {
    const s = server.services;
    const p = await s.protocolStore.get('child-repatriation', 1);
    const id = objectIds();
    const actor = { userId: 'u1', role: 'caseworker' as const, country: 'GT' as const };
    const opened = engineOpen(p.compiled, { id, country: 'GT', actor }, { clock, ids: objectIds });
    await s.repos.events.append(opened.event);
    const worker = await server.as('caseworker.gt');
    const view = await worker.get<CaseViewBody>(`/api/cases/${id}`);
    expect(view.status).toBe(200);
    expect(view.body.case.head).toBe(opened.event.hash);
    expect(await s.caseStore.recover()).toEqual({ recovered: 0, unrecoverable: [] });
  });

  it('recovers at start-up every case whose document is behind its events', async () => {
    const worker = await server.as('caseworker.gt');
    const opened = await openCase(worker, 'child-repatriation-gt');
    const s = server.services;
    const before = (await s.caseStore.load(opened.case.id))!;
    const { compiled } = await s.protocolStore.get(before.state.protocol.id, before.state.protocol.version);
    const r = step(
      compiled,
      before.state,
      { event: 'DETECT', actor: { userId: 'u1', role: 'caseworker', country: 'GT' } },
      { clock, ids: objectIds },
    );
    if (!r.ok) throw new Error('DETECT refused');
    await s.repos.events.append(r.event);
    expect(await s.caseStore.recover()).toEqual({ recovered: 1, unrecoverable: [] });
    expect((await s.repos.cases.find(opened.case.id))!.cur.seq).toBe(1);
  });

  it('starts although a case’s stored events were altered: that case is named, the others recovered', async () => {
    const worker = await server.as('caseworker.gt');
    const s = server.services;
    const damaged = (await openCase(worker, 'child-repatriation-gt')).case.id;
    const behind = (await openCase(worker, 'child-repatriation-gt')).case.id;
    const actor = { userId: 'u1', role: 'caseworker' as const, country: 'GT' as const };
    const stepOf = async (caseId: string) => {
      const loaded = (await s.caseStore.load(caseId))!;
      const { compiled } = await s.protocolStore.get(loaded.state.protocol.id, loaded.state.protocol.version);
      const r = step(compiled, loaded.state, { event: 'DETECT', actor }, { clock, ids: objectIds });
      if (!r.ok) throw new Error('DETECT refused');
      return r.event;
    };
    // Someone with database access adds an event the protocol would never record.
    const forged = await stepOf(damaged);
    await s.repos.events.append({ ...forged, type: 'CLOSE_CASE' });
    await s.repos.events.append(await stepOf(behind));
    s.caseStore.forget(damaged);
    s.caseStore.forget(behind);
    expect(await s.caseStore.recover()).toEqual({ recovered: 1, unrecoverable: [damaged] });
    expect((await s.repos.cases.find(behind))!.cur.seq).toBe(1);
    expect((await s.repos.cases.find(damaged))!.cur.seq).toBe(0);
    // The case says what is wrong, changes nothing, and the audit shows where it was altered.
    const view = await worker.get<{ error: { code: string; message: string } }>(`/api/cases/${damaged}`);
    expect(view.status).toBe(409);
    expect(view.body.error.code).toBe('case-damaged');
    expect(view.body.error.message).toContain('event 1');
    const auditor = await server.as('auditor.gt');
    const chain = await auditor.get<{ ok: boolean; brokenAt: number }>(`/api/cases/${damaged}/audit/chain`);
    expect(chain.status).toBe(200);
    expect(chain.body).toMatchObject({ ok: false, brokenAt: 1 });
    const replay = await auditor.get<{ ok: boolean; firstDivergence: number }>(
      `/api/cases/${damaged}/audit/replay`,
    );
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ ok: false, firstDivergence: 1 });
    expect((await (await server.as('auditor.sv')).get(`/api/cases/${damaged}/audit/chain`)).status).toBe(404);
  });
});
