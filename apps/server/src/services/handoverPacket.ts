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
 * What is wrong with a stored packet, when it was altered in the database after it was sent:
 * `unreadable`, its text is no longer a packet (not JSON, or not of a packet's shape);
 * `altered`, it reads as a packet but no longer matches its SHA-256.
 */
export type PacketProblem = 'unreadable' | 'altered';

/**
 * What is wrong with a packet that matches its SHA-256 (both rewritten together), against the
 * sending case's sealed history: `differs-from-history`, it is not the packet that history
 * rebuilds at the event it was built from; `not-in-history`, the history holds no such event with
 * the head hash the handover recorded.
 */
export type SealProblem = 'differs-from-history' | 'not-in-history';

export type ReadPacket = { packet: HandoverPacket; problem: null } | { packet: null; problem: PacketProblem };

/**
 * The stored packet text read back, with its hash checked: the packet, or what is wrong with it.
 * Nothing of a damaged text is kept, thrown or logged (it can quote a victim's data, and the
 * parser's message quotes the text around the fault).
 */
export function readPacket(text: string, hash: string): ReadPacket {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { packet: null, problem: 'unreadable' };
  }
  if (!isPacket(parsed)) return { packet: null, problem: 'unreadable' };
  if (packetHash(text) !== hash) return { packet: null, problem: 'altered' };
  return { packet: parsed, problem: null };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStateValue(v: unknown): v is StateValue {
  return typeof v === 'string' || (isRecord(v) && Object.values(v).every(isStateValue));
}

/** Whether a parsed text has the shape buildPacket gives (what every reader of a packet relies on). */
function isPacket(v: unknown): v is HandoverPacket {
  if (!isRecord(v) || !isRecord(v.protocol) || !isRecord(v.data)) return false;
  const { id, version, jurisdiction } = v.protocol;
  return (
    typeof id === 'string' &&
    Number.isInteger(version) &&
    typeof jurisdiction === 'string' &&
    isStateValue(v.state) &&
    Object.values(v.data).every(isRecord)
  );
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
