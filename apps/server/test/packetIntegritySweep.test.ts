// Someone with database access alters the stored packet of a handover nobody opens afterwards:
// garbles it, edits a value, or rewrites a value and its SHA-256 together after the receiving
// country accepted it. The integrity sweep checks every packet against its hash and, once
// accepted, against what the receiving case recorded from it; it lists each damaged one to the
// auditors of both countries (which handover, which cases, what is wrong, never a value), names
// it in the log, and drops it once it holds again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './helpers/apiClient.js';
import {
  alterPacket as alterStoredPacket,
  handedOverToMexico,
  type SentHandover,
} from './helpers/alterHandover.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';
import { sweepNow } from './helpers/sweepNow.js';

const NAME = 'Lucia Escondida Ejemplo';

interface PacketRow {
  handoverId: string;
  caseId: string;
  fromCountry: string;
  toCountry: string;
  status: string;
  linkedCaseId: string | null;
  problem: { code: string; fields: string[] };
}
interface IntegrityBody {
  sweep: { running: boolean; finishedAt: string | null; handovers: number; damagedHandovers: number } | null;
  handoverTotal: number;
  handovers: PacketRow[];
}
type HandoverBody = SentHandover;

const lines: string[] = [];
let server: TestServer;
let gtAuditor: ApiClient;
let sender: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, logStream: { write: (l) => lines.push(l) } });
  gtAuditor = await server.as('auditor.gt');
  sender = await server.as('caseworker.gt');
});
afterAll(async () => server?.close());

const handedOver = () => handedOverToMexico(server, sender, NAME, 'Traslado');

async function accepted(): Promise<HandoverBody & { linkedCaseId: string }> {
  const h = await handedOver();
  const r = await (
    await server.as('focalpoint.mx')
  ).post<{ linkedCase: { case: { id: string } } }>(`/api/handovers/${h.id}/accept`, {
    data: {
      expectedArrival: '2026-04-02T16:00:00Z',
      portOfEntry: 'Aeropuerto Internacional de la Ciudad de México',
      escortingInstitution: 'Sistema DIF',
      nationality: 'GT',
      escortNeeds: 'Acompañamiento psicológico',
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { ...h, linkedCaseId: r.body.linkedCase.case.id };
}

/** Edits the stored packet (`hash` true: its SHA-256 too); returns the text before. */
async function alterPacket(id: string, change: (packet: string) => string, hash = false): Promise<string> {
  const before = await alterStoredPacket(server, id, change, hash);
  expect(change(before)).not.toBe(before);
  return before;
}

/** Another value of the child's sex in the packet text. */
const otherSex = (p: string) =>
  p.replace(/"sex":"([a-z]+)"/, (_m, v: string) => `"sex":"${v === 'female' ? 'male' : 'female'}"`);

const sweep = (as: ApiClient = gtAuditor) => sweepNow<IntegrityBody>(server, as);

describe('the integrity sweep over handover packets', () => {
  let sound: HandoverBody;
  let soundAccepted: HandoverBody;
  let altered: HandoverBody;
  let garbled: HandoverBody;
  let rewritten: HandoverBody & { linkedCaseId: string };
  let rewrittenOriginal: string;

  beforeAll(async () => {
    sound = await handedOver();
    soundAccepted = await accepted();
    altered = await handedOver();
    garbled = await handedOver();
    rewritten = await accepted();
    await alterPacket(altered.id, otherSex);
    await alterPacket(garbled.id, (p) => `${p.slice(0, -2)},"childName":"${NAME}`);
    // Value and hash rewritten together after acceptance: the hash holds, the receipt does not.
    rewrittenOriginal = await alterPacket(rewritten.id, otherSex, true);
    lines.length = 0;
  });

  it('lists each damaged packet to the sending country’s auditors: which handover, which cases, what is wrong', async () => {
    const report = await sweep();
    expect(report.sweep).toMatchObject({ running: false, handovers: 5, damagedHandovers: 3 });
    expect(report.handoverTotal).toBe(3);
    const byId = new Map(report.handovers.map((h) => [h.handoverId, h]));
    expect(byId.get(altered.id)).toMatchObject({
      caseId: altered.caseId,
      fromCountry: 'GT',
      toCountry: 'MX',
      status: 'pending',
      linkedCaseId: null,
      problem: { code: 'altered', fields: [] },
    });
    expect(byId.get(garbled.id)).toMatchObject({ problem: { code: 'unreadable' } });
    expect(byId.get(rewritten.id)).toMatchObject({
      caseId: rewritten.caseId,
      status: 'accepted',
      linkedCaseId: rewritten.linkedCaseId,
      problem: { code: 'differs-from-received', fields: ['sex'] },
    });
    expect(byId.has(sound.id)).toBe(false);
    expect(byId.has(soundAccepted.id)).toBe(false);
    expect(JSON.stringify(report)).not.toContain('Lucia');
  });

  it('lists them to the receiving country’s and regional auditors, not to a third country’s', async () => {
    const ids = [altered.id, garbled.id, rewritten.id].sort();
    for (const who of ['auditor.mx', 'auditor.regional']) {
      const r = await (await server.as(who)).get<IntegrityBody>('/api/audit/integrity');
      expect(r.status).toBe(200);
      expect(r.body.handovers.map((h) => h.handoverId).sort(), who).toEqual(ids);
      expect(r.body.sweep, who).toMatchObject({ handovers: 5, damagedHandovers: 3 });
    }
    const sv = (await (await server.as('auditor.sv')).get<IntegrityBody>('/api/audit/integrity')).body;
    expect(sv).toMatchObject({ handoverTotal: 0, handovers: [] });
    expect(sv.sweep).toMatchObject({ handovers: 0, damagedHandovers: 0 });
  });

  it('names each damaged packet in the log by handover and case, without its data', () => {
    const warned = lines.filter((l) => l.includes('integrity sweep: handover packet does not hold'));
    for (const h of [altered, garbled, rewritten]) {
      expect(
        warned.some((l) => l.includes(h.id) && l.includes(h.caseId)),
        h.id,
      ).toBe(true);
    }
    expect(warned).toHaveLength(3);
    expect(lines.join('\n')).not.toContain('Lucia');
  });

  it('drops a packet from the list once it holds again', async () => {
    await alterStoredPacket(server, rewritten.id, () => rewrittenOriginal, true);
    const report = await sweep();
    expect(report.handovers.map((h) => h.handoverId).sort()).toEqual([altered.id, garbled.id].sort());
    expect(report.sweep).toMatchObject({ handovers: 5, damagedHandovers: 2 });
  });

  it('keeps a damaged handover deleted since on the list, saying it is gone', async () => {
    await server.db.connection.collection<{ _id: string }>('handovers').deleteOne({ _id: garbled.id });
    lines.length = 0;
    const report = await sweep();
    const byId = new Map(report.handovers.map((h) => [h.handoverId, h]));
    expect(byId.get(garbled.id)).toMatchObject({
      caseId: garbled.caseId,
      fromCountry: 'GT',
      toCountry: 'MX',
      problem: { code: 'missing', fields: [] },
    });
    expect(byId.get(altered.id)).toMatchObject({ problem: { code: 'altered' } });
    expect(report.sweep).toMatchObject({ handovers: 4, damagedHandovers: 2 });
    expect(lines.some((l) => l.includes(garbled.id) && l.includes('"problem":"missing"'))).toBe(true);
  });
});
