import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seedData.js';
import { ApiClient } from './helpers/apiClient.js';
import { killSpawned, startServerProcess } from './helpers/serverProcess.js';
import { uniqueDbName } from './helpers/testDatabase.js';

const dbName = uniqueDbName(import.meta.url);

afterAll(async () => {
  killSpawned();
  const { MongoClient } = await import('mongodb');
  const c = new MongoClient(process.env.MONGODB_URI!);
  await c
    .db(dbName)
    .dropDatabase()
    .catch(() => undefined);
  await c.close();
});

async function login(url: string, username: string): Promise<ApiClient> {
  const r = await new ApiClient(url).post<{ token: string }>('/api/auth/login', {
    username,
    password: DEMO_PASSWORD,
  });
  if (r.status !== 200) throw new Error(`login failed: ${r.status}`);
  return new ApiClient(url, r.body.token);
}

interface View {
  version: number;
  case: { id: string; head: string };
}

describe('kill -9 in the middle of a write load', () => {
  it('keeps every acknowledged step, and every history still verifies', async () => {
    const first = await startServerProcess({ dbName });
    const worker = await login(first.url, 'caseworker.hn');
    const protocols = await worker.get<{ id: string; version: number }[]>('/api/protocols');
    const version = Math.max(
      ...protocols.body.filter((p) => p.id === 'child-repatriation').map((p) => p.version),
    );
    const proto = await worker.get<{ forms: Record<string, { examples: Record<string, unknown>[] }> }>(
      `/api/protocols/child-repatriation/versions/${version}`,
    );
    const objection = proto.body.forms['cr-objection']!.examples[0]!;

    const cases: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await worker.post<View>('/api/cases', { protocol: { id: 'child-repatriation', version } });
      cases.push(r.body.case.id);
    }
    /** Every 2xx answer: the case, the version it reached and the hash of that event. */
    const acked: { caseId: string; version: number; head: string }[] = [];
    let stop = false;
    const load = cases.map(async (caseId) => {
      let v = 0;
      while (!stop) {
        try {
          const r = await worker.post<View>(`/api/cases/${caseId}/steps`, {
            event: 'WITHDRAW_CONSENT',
            data: objection,
            expectedVersion: v,
          });
          if (r.status === 200) {
            acked.push({ caseId, version: r.body.version, head: r.body.case.head });
            v = r.body.version;
          } else return;
        } catch {
          return; // the server died under us: this request was never acknowledged
        }
      }
    });
    while (acked.length < 60) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(load);
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await startServerProcess({ dbName });
    const auditor = await login(second.url, 'auditor.hn');
    const reader = await login(second.url, 'caseworker.hn');
    for (const caseId of cases) {
      const history = await reader.get<{ seq: number; hash: string }[]>(`/api/cases/${caseId}/history`);
      expect(history.status).toBe(200);
      const bySeq = new Map(history.body.map((e) => [e.seq, e.hash]));
      for (const a of acked.filter((x) => x.caseId === caseId)) expect(bySeq.get(a.version)).toBe(a.head);
      expect(history.body.map((e) => e.seq)).toEqual(history.body.map((_, i) => i));
      const chain = await auditor.get<{ ok: boolean; events: number }>(`/api/cases/${caseId}/audit/chain`);
      expect(chain.body.ok).toBe(true);
      const view = await reader.get<View>(`/api/cases/${caseId}`);
      expect(view.body.version).toBe(history.body.length - 1);
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 240_000);
});
