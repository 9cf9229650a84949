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
 * What the sending country attests in a receiving form: the packet's shareable fields the form
 * has (later forms of the case over earlier ones: a verified age group over a declared one), and
 * `fixed` (who sent it), kept to the form's fields when it lists them.
 */
export function attestedReceipt(
  packet: HandoverPacket,
  receiptFields: readonly string[],
  fixed: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const shared of Object.values(packet.data)) Object.assign(merged, shared);
  const out: Record<string, unknown> = {};
  for (const f of receiptFields) if (Object.hasOwn(merged, f)) out[f] = merged[f];
  for (const [k, v] of Object.entries(fixed))
    if (receiptFields.length === 0 || receiptFields.includes(k)) out[k] = v;
  return out;
}
