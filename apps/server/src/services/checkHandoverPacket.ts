import { canonicalJson, stateAt, type EventRecord } from '@ruta/engine';
import type { EventRepository } from '../db/repositories/eventRepository.js';
import type { HandoverDoc } from '../db/schemas/handoverSchema.js';
import type { PacketProblemDoc } from '../db/schemas/integritySchema.js';
import {
  attestedReceipt,
  buildPacket,
  isRecord,
  readPacket,
  type HandoverPacket,
  type SealProblem,
} from './handoverPacket.js';
import { historyLookup } from './historyLookup.js';
import type { ProtocolStore } from './protocolStore.js';
import { RECEIVE_EVENT, receiptFields } from './receiveEvent.js';

export interface PacketCheckDeps {
  events: Pick<EventRepository, 'find' | 'historyAsStored'>;
  protocols: Pick<ProtocolStore, 'find'>;
}

/**
 * What is wrong with a handover's stored packet, or null when it holds: its text against its
 * SHA-256; once accepted, against what the receiving case recorded from it (its RECEIVE_HANDOVER
 * event, sealed by that case's chain); and against the packet the sending case's own sealed
 * history rebuilds at the event it was built from (packetAgainstHistory). A packet rewritten in
 * the database together with its hash still matches the hash, but not the history.
 *
 * Nothing of the packet is returned but field names (it holds a victim's data).
 */
export async function checkHandoverPacket(
  doc: HandoverDoc,
  d: PacketCheckDeps,
): Promise<PacketProblemDoc | null> {
  const read = readPacket(doc.packet, doc.packetHash);
  if (!read.packet) return { code: read.problem, fields: [] };
  return (await againstReceipt(doc, read.packet, d)) ?? (await packetAgainstHistory(doc, read.packet, d));
}

/**
 * Where a packet (read and matching its hash) differs from the one the sending case's history,
 * replayed up to the event the handover names (`caseSeq`), builds: `not-in-history` when the
 * history holds no event of that seq with the head hash the handover recorded (either was
 * rewritten); `differs-from-history` naming the packet parts that differ (`protocol`, `state`,
 * `form.field`). Null when it holds, and for a handover stored before the seq was recorded (the
 * sweep counts those apart), or whose case history does not replay to that event (the case sweep
 * names that case).
 */
export async function packetAgainstHistory(
  doc: HandoverDoc,
  packet: HandoverPacket,
  d: PacketCheckDeps,
): Promise<(PacketProblemDoc & { code: SealProblem }) | null> {
  const seq = doc.caseSeq;
  if (typeof seq !== 'number') return null;
  const history = (await d.events.historyAsStored(doc.caseId)) as EventRecord[];
  const event = history.find((e) => (e as EventRecord | null)?.seq === seq);
  if (!event || event.hash !== doc.caseHead) return { code: 'not-in-history', fields: [], seq };
  const then = stateAt(history, await historyLookup(d.protocols, history), seq);
  if (!then) return null;
  const protocol = await d.protocols.find(then.protocol.id, then.protocol.version);
  if (!protocol) return null;
  const fields = packetDifferences(buildPacket(protocol.resolved, then), packet);
  return fields.length > 0 ? { code: 'differs-from-history', fields, seq } : null;
}

/** The parts of two packets that differ, by name: `protocol`, `state`, and `form.field` of the data. */
function packetDifferences(a: HandoverPacket, b: HandoverPacket): string[] {
  const same = (x: unknown, y: unknown) => canonicalJson(x) === canonicalJson(y);
  const out: string[] = [];
  if (!same(a.protocol, b.protocol)) out.push('protocol');
  if (!same(a.state, b.state)) out.push('state');
  for (const form of [...new Set([...Object.keys(a.data), ...Object.keys(b.data)])].sort()) {
    const x = Object.hasOwn(a.data, form) ? a.data[form]! : {};
    const y = Object.hasOwn(b.data, form) ? b.data[form]! : {};
    for (const f of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      if (Object.hasOwn(x, f) !== Object.hasOwn(y, f) || !same(x[f], y[f])) out.push(`${form}.${f}`);
    }
  }
  return out;
}

/** Once accepted: the fields the packet attests that the receiving case recorded otherwise. */
async function againstReceipt(
  doc: HandoverDoc,
  packet: HandoverPacket,
  d: PacketCheckDeps,
): Promise<PacketProblemDoc | null> {
  if (doc.status !== 'accepted' || !doc.linkedCaseId) return null;
  const received = await receivedEvent(doc.linkedCaseId, d.events);
  // Not received yet (an acceptance cut short is completed by the next one), or its history is
  // damaged: the case sweep names that case.
  if (!received || !isRecord(received.data)) return null;
  const protocol = await d.protocols.find(received.protocol.id, received.protocol.version);
  if (!protocol) return null;
  const attested = attestedReceipt(packet, receiptFields(protocol), {
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
