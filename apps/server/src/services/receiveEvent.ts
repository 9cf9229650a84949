import type { LoadedProtocol } from './protocolStore.js';

/**
 * The event that opens a received case (the shipped protocols' intake accepts it). Only
 * accepting a handover records it, with the packet the sending country attested: sent as an
 * ordinary step it would fake a received case.
 */
export const RECEIVE_EVENT = 'RECEIVE_HANDOVER';

/** The form RECEIVE_HANDOVER records, if any. */
export function receiptForm(protocol: LoadedProtocol): string | undefined {
  for (const t of protocol.compiled.transitions) {
    if (t.event !== RECEIVE_EVENT) continue;
    for (const a of t.actions) if (a.type === 'recordForm') return a.form;
  }
  return undefined;
}

/** The fields of the form RECEIVE_HANDOVER records (none when it records no form). */
export function receiptFields(protocol: LoadedProtocol): string[] {
  const form = receiptForm(protocol);
  return form ? Object.keys(protocol.resolved.forms[form]?.schema.properties ?? {}) : [];
}
