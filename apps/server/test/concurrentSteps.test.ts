import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formExamples, openCase, type CaseViewBody } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

describe('50 concurrent steps on one case', () => {
  it('lets exactly one step in per version; the others get 409; the history has no gap or duplicate', async () => {
    const clients = await Promise.all([server.as('caseworker.sv'), server.as('supervisor.sv')]);
    const opened = await openCase(clients[0]!, 'child-repatriation-sv');
    const caseId = opened.case.id;
    // Recording an objection keeps the case where it is: the same event can be sent again and again.
    const [objection] = await formExamples(clients[0]!, opened.case.protocol, 'cr-objection');
    const rounds = 4;
    for (let version = 0; version < rounds; version++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          clients[i % 2]!.post<CaseViewBody>(`/api/cases/${caseId}/steps`, {
            event: 'WITHDRAW_CONSENT',
            data: { ...objection, reasons: `attempt ${i} at version ${version}` },
            expectedVersion: version,
          }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      expect(answers.find((a) => a.status === 200)!.body.version).toBe(version + 1);
    }

    const history = await clients[0]!.get<{ seq: number; type: string }[]>(`/api/cases/${caseId}/history`);
    expect(history.body.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    const stored = await server.services.repos.events.history(caseId);
    expect(stored.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    const auditor = await server.as('auditor.sv');
    const chain = await auditor.get<{ ok: boolean; events: number }>(`/api/cases/${caseId}/audit/chain`);
    expect(chain.body).toEqual({ ok: true, events: 5, brokenAt: null, reason: '' });
    const view = await clients[0]!.get<CaseViewBody>(`/api/cases/${caseId}`);
    expect(view.body.version).toBe(4);
  });
});

describe('two assignments of one case at once', () => {
  it('lets one in; the other is told the case was assigned meanwhile, and the stored assignee is the one answered', async () => {
    const supervisor = await server.as('supervisor.sv');
    const opened = await openCase(await server.as('caseworker.sv'), 'child-repatriation-sv');
    const caseId = opened.case.id;
    type User = { id: string; username: string };
    const users = (await (await server.as('admin.sv')).get<User[]>('/api/users')).body;
    const to = ['supervisor.sv', 'focalpoint.sv'].map((name) => users.find((u) => u.username === name)!.id);
    const answers = await Promise.all(
      to.map((userId) =>
        supervisor.post<CaseViewBody & { error?: { code: string } }>(`/api/cases/${caseId}/assign`, {
          userId,
          expectedVersion: 0,
          expectedAssignee: opened.assignee, // its opener
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const won = answers.find((a) => a.status === 200)!;
    expect(answers.find((a) => a.status === 409)!.body.error!.code).toBe('stale-version');
    expect(to).toContain(won.body.assignee);
    const stored = await supervisor.get<CaseViewBody>(`/api/cases/${caseId}`);
    expect(stored.body.assignee).toBe(won.body.assignee);
    // Later, from the same stale view: refused; from the view that shows the assignment: done.
    const other = to.find((id) => id !== won.body.assignee)!;
    const assign = (expectedAssignee: string | null) =>
      supervisor.post(`/api/cases/${caseId}/assign`, { userId: other, expectedVersion: 0, expectedAssignee });
    expect((await assign(opened.assignee)).status).toBe(409);
    expect((await assign(won.body.assignee)).status).toBe(200);
  });
});
