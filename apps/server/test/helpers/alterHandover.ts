import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { ApiClient } from './apiClient.js';
import { caseReadyForHandover } from './factories.js';
import type { TestServer } from './startTestServer.js';

/** What a test reads back of a handover it sent. */
export interface SentHandover {
  id: string;
  caseId: string;
  packet: { protocol: { id: string }; data: Record<string, Record<string, unknown>> } | null;
}

/**
 * A Guatemalan case screened with `childName` recorded (not shareable) and stepped to the
 * coordination between liaisons, handed over to Mexico by `sender`.
 */
export async function handedOverToMexico(
  server: TestServer,
  sender: ApiClient,
  childName: string,
  note = 'Traslado a México',
): Promise<SentHandover> {
  const ready = await caseReadyForHandover(server, 'GT', 'child-repatriation-gt', {
    'cr-detection': { childName },
  });
  const sent = await sender.post<SentHandover>(`/api/cases/${ready.case.id}/handovers`, {
    toCountry: 'MX',
    note,
  });
  expect(sent.status).toBe(201);
  expect(Object.keys(sent.body.packet!.data).length).toBeGreaterThan(0);
  return sent.body;
}

/**
 * Edits the stored packet of a handover as someone with database access would; `hash` true
 * stores its matching SHA-256 too. Returns the packet text as it was before.
 */
export async function alterPacket(
  server: TestServer,
  id: string,
  change: (packet: string) => string,
  hash = false,
): Promise<string> {
  const handovers = server.db.connection.collection<{ _id: string; packet: string; packetHash: string }>(
    'handovers',
  );
  const doc = (await handovers.findOne({ _id: id }))!;
  const packet = change(doc.packet);
  const set: Record<string, string> = { packet };
  if (hash) set.packetHash = createHash('sha256').update(packet).digest('hex');
  await handovers.updateOne({ _id: id }, { $set: set });
  return doc.packet;
}
