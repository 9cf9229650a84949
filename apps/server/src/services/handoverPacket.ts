import { createHash } from 'node:crypto';
import { canonicalJson, type CaseState, type ProtocolRef, type StateValue } from '@ruta/engine';
import { projectShareable, type ResolvedProtocol } from '@ruta/protocol';

/** What crosses the border: the protocol, where the case is, and only the x-shareable fields. */
export interface HandoverPacket {
  protocol: ProtocolRef;
  state: StateValue;
  /** Shareable fields by form id; forms with nothing shareable are left out. */
  data: Record<string, Record<string, unknown>>;
}

/** The packet of a case (seed 004 §F.2: only what the receiving country needs). */
export function buildPacket(protocol: ResolvedProtocol, state: CaseState): HandoverPacket {
  const data: Record<string, Record<string, unknown>> = {};
  for (const [formId, value] of Object.entries(state.data)) {
    const form = Object.hasOwn(protocol.forms, formId) ? protocol.forms[formId] : undefined;
    if (!form) continue;
    const shared = projectShareable(form, value);
    if (Object.keys(shared).length > 0) data[formId] = shared;
  }
  return { protocol: { ...state.protocol }, state: state.value, data };
}

/** SHA-256 (hex) of the packet's canonical JSON: the receiver can check nothing changed on the way. */
export function packetHash(packetJson: string): string {
  return createHash('sha256').update(packetJson).digest('hex');
}

export function encodePacket(packet: HandoverPacket): string {
  return canonicalJson(packet);
}

/**
 * The fields of a receiving form: what the receiving focal point adds (`extra`, e.g. the port of
 * entry), then the packet's shareable fields, which win, since they are what the sending country
 * attested (later forms of the case over earlier ones: a verified age group over a declared one),
 * then `fixed` (who sent it), kept to the fields the receiving form has.
 */
export function receiptFromPacket(
  packet: HandoverPacket,
  receiptFields: readonly string[],
  extra: Record<string, unknown>,
  fixed: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const shared of Object.values(packet.data)) Object.assign(merged, shared);
  const fromPacket: Record<string, unknown> = {};
  for (const f of receiptFields) if (Object.hasOwn(merged, f)) fromPacket[f] = merged[f];
  return { ...extra, ...fromPacket, ...fixed };
}
