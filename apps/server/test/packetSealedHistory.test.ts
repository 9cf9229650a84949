// Someone with database access rewrites a pending handover's packet together with its SHA-256: the
// hash holds, and nobody has received it yet to compare with. The handover recorded the sending
// case's seq and head hash the packet was built from, and the case's history is sealed by its
// chain: the integrity sweep (and opening the handover) rebuilds the packet from that history and
// finds the rewrite, naming the fields, never a value. A handover stored before the seq was
// recorded cannot be held against the history: it is counted apart, not listed as damaged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './helpers/apiClient.js';
import { alterPacket, handedOverToMexico, type SentHandover } from './helpers/alterHandover.js';
import { driveCase } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';
import { sweepNow } from './helpers/sweepNow.js';

const NAME = 'Rosa Sellada Ejemplo';

interface PacketRow {
  handoverId: string;
  caseId: string;
  status: string;
  problem: { code: string; fields: string[]; seq: number | null };
}
interface IntegrityBody {
  sweep: {
    handovers: number;
    damagedHandovers: number;
    unsealedHandovers: number;
  } | null;
  handovers: PacketRow[];
}
interface HandoverBody extends SentHandover {
  status: string;
  packetProblem: string | null;
}
type ErrorBody = { error: { code: string; message: string; details: unknown[] } };
type StoredHandover = { _id: string; caseSeq?: number | null; caseHead?: string | null };

const lines: string[] = [];
let server: TestServer;
let auditor: ApiClient;
let sender: ApiClient;
let focal: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, logStream: { write: (l) => lines.push(l) } });
  auditor = await server.as('auditor.gt');
  sender = await server.as('caseworker.gt');
  focal = await server.as('focalpoint.mx');
});
afterAll(async () => server?.close());

const handovers = () => server.db.connection.collection<StoredHandover>('handovers');
const handedOver = async () => (await handedOverToMexico(server, sender, NAME)) as HandoverBody;
const sweep = () => sweepNow<IntegrityBody>(server, auditor);

/** The packet text with the child's sex turned to the other value, and the form that holds it. */
const otherSex = (p: string) =>
  p.replace(/"sex":"([a-z]+)"/, (_m, v: string) => `"sex":"${v === 'female' ? 'male' : 'female'}"`);
const sexForm = (h: SentHandover) => Object.keys(h.packet!.data).find((f) => 'sex' in h.packet!.data[f]!)!;

/** The sending case's seq now, as its page says. */
async function caseSeq(caseId: string): Promise<number> {
  const r = await sender.get<{ case: { seq: number } }>(`/api/cases/${caseId}`);
  expect(r.status).toBe(200);
  return r.body.case.seq;
}

describe('a handover packet held against the sending case’s sealed history', () => {
  let untouched: HandoverBody;
  let rewritten: HandoverBody;
  let renamed: HandoverBody;
  let builtAt: number;

  beforeAll(async () => {
    untouched = await handedOver();
    rewritten = await handedOver();
    renamed = await handedOver();
    builtAt = await caseSeq(rewritten.caseId);
    // The untouched handover's case moves on after sending it: its packet still stands on the
    // history at the event it was built from.
    await driveCase(server, untouched.caseId, 'GT', { until: () => false, maxSteps: 1 });
    expect(await caseSeq(untouched.caseId)).toBeGreaterThan(
      (await handovers().findOne({ _id: untouched.id }))!.caseSeq!,
    );
    // Packet and hash rewritten together: the hash holds.
    await alterPacket(server, rewritten.id, otherSex, true);
    // The event the handover names rewritten instead: no such event with that head hash.
    await handovers().updateOne({ _id: renamed.id }, { $set: { caseHead: 'f'.repeat(64) } });
    lines.length = 0;
  });

  it('stores on the handover the seq and head hash of the case it was built from', async () => {
    const stored = (await handovers().findOne({ _id: rewritten.id }))!;
    expect(stored.caseSeq).toBe(builtAt);
    const history = await server.db.connection
      .collection<{ caseId: string; seq: number; record: string }>('caseEvents')
      .findOne({ caseId: rewritten.caseId, seq: builtAt });
    expect(history?.record).toContain(stored.caseHead);
  });

  it('finds the rewritten pending packet in the sweep, naming the field and the event, not the untouched one', async () => {
    const report = await sweep();
    const byId = new Map(report.handovers.map((h) => [h.handoverId, h]));
    expect(byId.get(rewritten.id)).toMatchObject({
      caseId: rewritten.caseId,
      status: 'pending',
      problem: { code: 'differs-from-history', fields: [`${sexForm(rewritten)}.sex`], seq: builtAt },
    });
    expect(byId.get(renamed.id)).toMatchObject({ problem: { code: 'not-in-history', fields: [] } });
    expect(byId.has(untouched.id)).toBe(false);
    expect(report.sweep).toMatchObject({ handovers: 3, damagedHandovers: 2, unsealedHandovers: 0 });
    expect(JSON.stringify(report)).not.toContain('Rosa');
    const warned = lines.filter((l) => l.includes('integrity sweep: handover packet does not hold'));
    expect(warned.some((l) => l.includes(rewritten.id) && l.includes('differs-from-history'))).toBe(true);
    expect(lines.join('\n')).not.toContain('Rosa');
  });

  it('withholds it in the list and when the handover is opened, and refuses to accept it, leaving it pending', async () => {
    const list = await focal.get<HandoverBody[]>('/api/handovers?status=pending');
    expect(list.status).toBe(200);
    const listed = new Map(list.body.map((h) => [h.id, h]));
    expect(listed.get(rewritten.id)).toMatchObject({ packet: null, packetProblem: 'differs-from-history' });
    expect(listed.get(renamed.id)).toMatchObject({ packet: null, packetProblem: 'not-in-history' });
    expect(listed.get(untouched.id)).toMatchObject({ packetProblem: null, packet: untouched.packet });
    for (const [h, problem] of [
      [rewritten, 'differs-from-history'],
      [renamed, 'not-in-history'],
    ] as const) {
      const one = await focal.get<HandoverBody>(`/api/handovers/${h.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: h.id, status: 'pending', packet: null, packetProblem: problem });
      const accept = await focal.post<ErrorBody>(`/api/handovers/${h.id}/accept`, {
        data: { expectedArrival: '2026-04-02T16:00:00Z' },
      });
      expect(accept.status).toBe(409);
      expect(accept.body.error).toMatchObject({ code: 'packet-altered', details: [{ handoverId: h.id }] });
      expect(await handovers().findOne({ _id: h.id })).toMatchObject({ status: 'pending' });
    }
    const fine = await focal.get<HandoverBody>(`/api/handovers/${untouched.id}`);
    expect(fine.body).toMatchObject({ packetProblem: null, packet: untouched.packet });
    expect(lines.join('\n')).not.toContain('Rosa');
  });

  it('drops the finding once the packet stands on the history again', async () => {
    await alterPacket(server, rewritten.id, otherSex, true);
    const report = await sweep();
    expect(report.handovers.map((h) => h.handoverId)).toEqual([renamed.id]);
  });
});

describe('a handover stored before the seq was recorded with it', () => {
  it('is not listed as damaged, but counted as not checked against the history, and said so in the log', async () => {
    const old = await handedOver();
    await handovers().updateOne({ _id: old.id }, { $unset: { caseSeq: '', caseHead: '' } });
    // Rewritten with its hash: only the history could tell, and it has no seq to tell by.
    await alterPacket(server, old.id, otherSex, true);
    lines.length = 0;
    const report = await sweep();
    expect(report.handovers.map((h) => h.handoverId)).not.toContain(old.id);
    expect(report.sweep).toMatchObject({ unsealedHandovers: 1 });
    expect(lines.some((l) => l.includes("1 stored before the sending case's seq was recorded"))).toBe(true);
    const one = await focal.get<HandoverBody>(`/api/handovers/${old.id}`);
    expect(one.body).toMatchObject({ packetProblem: null });
  });
});
