import { canonicalJson, type EventRecord } from '@ruta/engine';
import type { EventRepository } from '../db/repositories/eventRepository.js';
import type { HandoverDoc } from '../db/schemas/handoverSchema.js';
import type { PacketProblemDoc } from '../db/schemas/integritySchema.js';
import { attestedReceipt, isRecord, readPacket } from './handoverPacket.js';
import type { ProtocolStore } from './protocolStore.js';
import { RECEIVE_EVENT, receiptFields } from './receiveEvent.js';

export interface PacketCheckDeps {
  events: Pick<EventRepository, 'find'>;
  protocols: Pick<ProtocolStore, 'find'>;
}

/**
 * What is wrong with a handover's stored packet, or null when it holds: its text against its
 * SHA-256, and, once accepted, against what the receiving case recorded from it (its
 * RECEIVE_HANDOVER event, sealed by that case's chain). A packet rewritten in the database
 * together with its hash still matches the hash, but no longer what was received.
 *
 * Nothing of the packet is returned but field names (it holds a victim's data).
 */
export async function checkHandoverPacket(
  doc: HandoverDoc,
  d: PacketCheckDeps,
): Promise<PacketProblemDoc | null> {
  const read = readPacket(doc.packet, doc.packetHash);
  if (!read.packet) return { code: read.problem, fields: [] };
  if (doc.status !== 'accepted' || !doc.linkedCaseId) return null;
  const received = await receivedEvent(doc.linkedCaseId, d.events);
  // Not received yet (an acceptance cut short is completed by the next one), or its history is
  // damaged: the case sweep names that case.
  if (!received || !isRecord(received.data)) return null;
  const protocol = await d.protocols.find(received.protocol.id, received.protocol.version);
  if (!protocol) return null;
  const attested = attestedReceipt(read.packet, receiptFields(protocol), {
    sendingCountry: doc.fromCountry,
    sendingCaseReference: doc.caseId,
  });
  const recorded = received.data;
  const fields = Object.keys(attested).filter(
    (k) => !Object.hasOwn(recorded, k) || canonicalJson(recorded[k]) !== canonicalJson(attested[k]),
  );
  return fields.length > 0 ? { code: 'differs-from-received', fields: fields.sort() } : null;
}

/** The receiving case's RECEIVE_HANDOVER, the event after its opening; null when not there or unreadable. */
async function receivedEvent(
  linkedCaseId: string,
  events: Pick<EventRepository, 'find'>,
): Promise<EventRecord | null> {
  try {
    const event = await events.find(linkedCaseId, 1);
    return event?.type === RECEIVE_EVENT ? event : null;
  } catch {
    return null;
  }
}
