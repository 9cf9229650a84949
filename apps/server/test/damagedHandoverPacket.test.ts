// Someone with database access alters the stored packet of a handover: garbles its text (a name
// typed in by hand, a quote lost), replaces it with something that is not a packet, or edits a
// value so that it no longer matches its SHA-256. The handover is still listed and shown to both
// countries, its packet withheld and the problem named, so that one damaged handover does not
// take the focal point's whole list down; it cannot be accepted, only declined; and nothing of
// the stored text (a child's name) reaches an answer or the server log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './helpers/apiClient.js';
import { alterPacket as alterStoredPacket, handedOverToMexico } from './helpers/alterHandover.js';
import type { CaseViewBody } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

const NAME = 'Maria Secreta Ejemplo';
const lines: string[] = [];
let server: TestServer;
let sender: ApiClient;
let focal: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, logStream: { write: (l) => lines.push(l) } });
  sender = await server.as('caseworker.gt');
  focal = await server.as('focalpoint.mx');
});
afterAll(async () => server?.close());

interface HandoverBody {
  id: string;
  caseId: string;
  status: string;
  packet: { protocol: { id: string }; data: Record<string, Record<string, unknown>> } | null;
  packetProblem: string | null;
  linkedCaseId: string | null;
}
type ErrorBody = { error: { code: string; details: unknown[] } };

const handovers = () =>
  server.db.connection.collection<{ _id: string; packet: string; packetHash: string }>('handovers');

const handedOver = async (): Promise<HandoverBody> =>
  (await handedOverToMexico(server, sender, NAME)) as HandoverBody;

const alterPacket = (id: string, change: (packet: string) => string, hash = false) =>
  alterStoredPacket(server, id, change, hash);

/** The name typed into the packet by hand, its closing quote and braces lost: no longer JSON. */
const garbled = (p: string) => `${p.slice(0, -2)},"childName":"${NAME}`;

function expectNoName(...answers: unknown[]): void {
  expect(JSON.stringify(answers)).not.toContain('Maria');
  expect(lines.join('')).not.toContain('Maria');
}

describe('handovers whose stored packet was altered in the database', () => {
  let sound: HandoverBody;
  let unreadable: HandoverBody;
  let notAPacket: HandoverBody;
  let rehashed: HandoverBody;
  let altered: HandoverBody;

  beforeAll(async () => {
    sound = await handedOver();
    unreadable = await handedOver();
    notAPacket = await handedOver();
    rehashed = await handedOver();
    altered = await handedOver();
    await alterPacket(unreadable.id, garbled);
    await alterPacket(notAPacket.id, () => JSON.stringify(NAME), true);
    // Garbled, and its hash recomputed to match: still not a packet.
    await alterPacket(rehashed.id, garbled, true);
    // Still a packet, one value changed: it no longer matches its SHA-256.
    await alterPacket(altered.id, (p) => p.replace(/"sex":"[a-z]+"/, '"sex":"other"'));
    expect((await handovers().findOne({ _id: altered.id }))!.packet).toContain('"sex":"other"');
    lines.length = 0;
  });

  it('lists them to the receiving focal point, packet withheld and the problem named, beside the sound one', async () => {
    const list = await focal.get<HandoverBody[]>('/api/handovers');
    expect(list.status).toBe(200);
    const byId = new Map(list.body.map((h) => [h.id, h]));
    expect(byId.get(sound.id)).toMatchObject({ packetProblem: null, packet: sound.packet });
    for (const [h, problem] of [
      [unreadable, 'unreadable'],
      [notAPacket, 'unreadable'],
      [rehashed, 'unreadable'],
      [altered, 'altered'],
    ] as const) {
      expect(byId.get(h.id), problem).toMatchObject({
        caseId: h.caseId,
        status: 'pending',
        packet: null,
        packetProblem: problem,
      });
    }
    const pending = await focal.get<HandoverBody[]>('/api/handovers?status=pending');
    expect(pending.status).toBe(200);
    expect(pending.body.map((h) => h.id)).toEqual(expect.arrayContaining([unreadable.id, altered.id]));
    expectNoName(list.body, pending.body);
    expect(lines.join('')).toContain(unreadable.id);
  });

  it('shows each one alone to both countries and to regional readers', async () => {
    const readers = [focal, sender, await server.as('auditor.regional')];
    const answers: unknown[] = [];
    for (const reader of readers) {
      for (const h of [unreadable, notAPacket, rehashed, altered]) {
        const one = await reader.get<HandoverBody>(`/api/handovers/${h.id}`);
        expect(one.status).toBe(200);
        expect(one.body).toMatchObject({ id: h.id, packet: null });
        expect(one.body.packetProblem).not.toBeNull();
        answers.push(one.body);
      }
      const list = await reader.get<HandoverBody[]>('/api/handovers');
      expect(list.status).toBe(200);
      answers.push(list.body);
    }
    expectNoName(answers);
  });

  it('refuses to accept them with 409 packet-altered, leaving them pending', async () => {
    const receipt = {
      expectedArrival: '2026-04-02T16:00:00Z',
      portOfEntry: 'Aeropuerto Internacional de la Ciudad de México',
      escortingInstitution: 'Sistema DIF',
    };
    const answers: unknown[] = [];
    for (const h of [unreadable, notAPacket, rehashed, altered]) {
      const r = await focal.post<ErrorBody>(`/api/handovers/${h.id}/accept`, { data: receipt });
      expect(r.status, h.id).toBe(409);
      expect(r.body.error).toMatchObject({ code: 'packet-altered', details: [{ handoverId: h.id }] });
      answers.push(r.body);
      expect((await focal.get<HandoverBody>(`/api/handovers/${h.id}`)).body.status).toBe('pending');
    }
    expectNoName(answers);
  });

  it('lets the focal point decline one, and the sending country hand the case over again', async () => {
    const declined = await focal.post<HandoverBody>(`/api/handovers/${unreadable.id}/decline`, {
      reason: 'El paquete llegó dañado',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', packet: null, packetProblem: 'unreadable' });
    const casePage = await sender.get<CaseViewBody>(`/api/cases/${unreadable.caseId}`);
    expect(casePage.status).toBe(200);
    expect(casePage.body.handovers).toEqual([
      expect.objectContaining({ id: unreadable.id, status: 'declined' }),
    ]);
    const again = await sender.post<HandoverBody>(`/api/cases/${unreadable.caseId}/handovers`, {
      toCountry: 'MX',
      note: 'Enviado de nuevo',
    });
    expect(again.status).toBe(201);
    expect(again.body.packetProblem).toBeNull();
    expect(again.body.packet).not.toBeNull();
    expectNoName(declined.body, casePage.body, again.body);
  });
});

describe('an accepted handover whose packet is altered afterwards', () => {
  it('is still listed and shown, its received case and the sending case still open, and not accepted again', async () => {
    const h = await handedOver();
    const accepted = await focal.post<{ handover: HandoverBody; linkedCase: CaseViewBody }>(
      `/api/handovers/${h.id}/accept`,
      {
        data: {
          expectedArrival: '2026-04-02T16:00:00Z',
          portOfEntry: 'Aeropuerto Internacional de la Ciudad de México',
          escortingInstitution: 'Sistema DIF',
          nationality: 'GT',
          // The best-interest summary and the risk level come from the packet: the sending case
          // recorded them before the coordination.
          escortNeeds: 'Acompañamiento psicológico',
        },
      },
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const linkedId = accepted.body.linkedCase.case.id;
    await alterPacket(h.id, garbled, true);
    lines.length = 0;

    const list = await focal.get<HandoverBody[]>('/api/handovers');
    expect(list.status).toBe(200);
    expect(list.body.find((x) => x.id === h.id)).toMatchObject({
      status: 'accepted',
      linkedCaseId: linkedId,
      packet: null,
      packetProblem: 'unreadable',
    });
    const sent = await sender.get<HandoverBody>(`/api/handovers/${h.id}`);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'accepted', packet: null });
    const linked = await focal.get<CaseViewBody>(`/api/cases/${linkedId}`);
    expect(linked.status).toBe(200);
    const source = await sender.get<CaseViewBody>(`/api/cases/${h.caseId}`);
    expect(source.status).toBe(200);
    expect(source.body.handovers).toEqual([expect.objectContaining({ id: h.id, status: 'accepted' })]);
    const again = await focal.post<ErrorBody>(`/api/handovers/${h.id}/accept`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('packet-altered');
    expectNoName(list.body, sent.body, linked.body, source.body, again.body);
  });
});
