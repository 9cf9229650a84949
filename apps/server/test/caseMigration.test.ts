import { migrateCase } from '@ruta/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectIds } from '../src/systemDeps.js';
import { openCase, type CaseViewBody } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

describe('migrating a case to another protocol version', () => {
  it('moves the case, records a "migrated" event in the same chain, and replays', async () => {
    const worker = await server.as('caseworker.gt');
    const supervisor = await server.as('supervisor.gt');
    const c = await openCase(worker, 'child-repatriation-gt');
    const r = await supervisor.post<CaseViewBody>(`/api/cases/${c.case.id}/migrate`, {
      to: { id: 'child-repatriation', version: 1 },
      mapping: { intake: 'intake' },
      expectedVersion: 0,
    });
    expect(r.status).toBe(200);
    expect(r.body.protocol.id).toBe('child-repatriation');
    expect(r.body.version).toBe(1);
    const history = await worker.get<
      { kind: string; migration?: { from: { id: string } }; actor: { userId: string; name?: string } }[]
    >(`/api/cases/${c.case.id}/history`);
    expect(history.body.map((e) => e.kind)).toEqual(['opened', 'migrated']);
    // The history names who acted, for the people reading it.
    type Me = { user: { id: string; name: string } };
    const [me, them] = await Promise.all([worker, supervisor].map((u) => u.get<Me>('/api/auth/me')));
    expect(history.body.map((e) => e.actor)).toEqual([
      expect.objectContaining({ userId: me!.body.user.id, name: me!.body.user.name }),
      expect.objectContaining({ userId: them!.body.user.id, name: them!.body.user.name }),
    ]);
    expect(history.body[1]!.migration!.from.id).toBe('child-repatriation-gt');
    const auditor = await server.as('auditor.gt');
    expect((await auditor.get<{ ok: boolean }>(`/api/cases/${c.case.id}/audit/chain`)).body.ok).toBe(true);
    expect((await auditor.get<{ ok: boolean }>(`/api/cases/${c.case.id}/audit/replay`)).body.ok).toBe(true);
  });

  it('refuses a mapping that leaves a state unmapped (422), a stale version (409), another country’s variant (403)', async () => {
    const worker = await server.as('caseworker.gt');
    const supervisor = await server.as('supervisor.gt');
    const c = await openCase(worker, 'child-repatriation-gt');
    const bad = await supervisor.post(`/api/cases/${c.case.id}/migrate`, {
      to: { id: 'child-repatriation', version: 1 },
      mapping: {},
      expectedVersion: 0,
    });
    expect(bad.status).toBe(422);
    const stale = await supervisor.post(`/api/cases/${c.case.id}/migrate`, {
      to: { id: 'child-repatriation', version: 1 },
      mapping: { intake: 'intake' },
      expectedVersion: 3,
    });
    expect(stale.status).toBe(409);
    const foreign = await supervisor.post(`/api/cases/${c.case.id}/migrate`, {
      to: { id: 'child-repatriation-mx', version: 1 },
      mapping: { intake: 'intake' },
      expectedVersion: 0,
    });
    expect(foreign.status).toBe(403);
    // Another protocol family (adult voluntary return) has none of the child's forms.
    const other = await supervisor.post<{
      error: { code: string; message: string; details: { code: string }[] };
    }>(`/api/cases/${c.case.id}/migrate`, {
      to: { id: 'voluntary-return', version: 1 },
      mapping: { intake: 'intake' },
      expectedVersion: 0,
    });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('migration-rejected');
    expect(other.body.error.details[0]!.code).toBe('other-protocol-family');
    expect(other.body.error.message).toContain('"child-repatriation"');
    expect((await worker.get<CaseViewBody>(`/api/cases/${c.case.id}`)).body.version).toBe(0);
  });

  it('refuses a migration that would skip the protocol: its own version, a final state, travel without the determination (422)', async () => {
    const worker = await server.as('caseworker.gt');
    const supervisor = await server.as('supervisor.gt');
    const c = await openCase(worker, 'child-repatriation-gt');
    type Refusal = {
      error: { code: string; details: { code: string; rule?: string; invariant?: string }[] };
    };
    const attempts = [
      { to: { id: 'child-repatriation-gt', version: 1 }, mapping: { intake: 'travel' }, rule: 'not-newer' },
      { to: { id: 'child-repatriation', version: 1 }, mapping: { intake: 'closure' }, rule: 'final-state' },
      { to: { id: 'child-repatriation', version: 1 }, mapping: { intake: 'travel' }, rule: 'invariant' },
    ];
    for (const { rule, ...body } of attempts) {
      const r = await supervisor.post<Refusal>(`/api/cases/${c.case.id}/migrate`, {
        ...body,
        expectedVersion: 0,
      });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('migration-rejected');
      expect(r.body.error.details.map((d) => d.rule)).toContain(rule);
    }
    const after = await worker.get<CaseViewBody>(`/api/cases/${c.case.id}`);
    expect(after.body.version).toBe(0);
    expect(after.body.protocol.id).toBe('child-repatriation-gt');
    expect(after.body.state.value).toBe('intake');
  });

  it('compares a case in a what-if only with its own protocol family (400 otherwise)', async () => {
    const worker = await server.as('caseworker.gt');
    const c = await openCase(worker, 'child-repatriation-gt');
    const auditor = await server.as('auditor.gt');
    const other = await auditor.post<{ error: { code: string; details: unknown[] } }>(
      `/api/cases/${c.case.id}/audit/what-if`,
      { protocol: { id: 'voluntary-return', version: 1 } },
    );
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('other-protocol-family');
    expect(other.body.error.details).toEqual([
      { protocol: 'voluntary-return@1', family: 'child-repatriation', target: 'voluntary-return' },
    ]);
    const own = await auditor.post(`/api/cases/${c.case.id}/audit/what-if`, {
      protocol: { id: 'child-repatriation', version: 1 },
    });
    expect(own.status).toBe(200);
  });

  it('rolls a migration cut short by a crash forward on the next read', async () => {
    const worker = await server.as('caseworker.gt');
    const c = await openCase(worker, 'child-repatriation-gt');
    const s = server.services;
    const before = (await s.caseStore.load(c.case.id))!;
    const from = await s.protocolStore.get('child-repatriation-gt', 1);
    const to = await s.protocolStore.get('child-repatriation', 1);
    const actor = { userId: 'u1', role: 'supervisor' as const, country: 'GT' as const };
    const m = migrateCase(from.compiled, to.compiled, before.state, { intake: 'intake' }, actor, {
      clock: () => new Date().toISOString(),
      ids: objectIds,
    });
    if (!m.ok) throw new Error('migration refused');
    await s.repos.events.append(m.event);
    s.caseStore.forget(c.case.id);
    const view = await worker.get<CaseViewBody>(`/api/cases/${c.case.id}`);
    expect(view.body.protocol.id).toBe('child-repatriation');
    expect(view.body.case.head).toBe(m.event.hash);
  });
});
