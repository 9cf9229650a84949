import type { CompiledProtocol, EventRecord, ProtocolRef } from '@ruta/engine';
import type { ProtocolStore } from './protocolStore.js';

/**
 * The compiled versions a history names (its opening's and those it migrated to), as the
 * synchronous lookup replay takes. Unknown versions are left out: replay reports them.
 */
export async function historyLookup(
  protocols: Pick<ProtocolStore, 'find'>,
  history: readonly EventRecord[],
): Promise<(ref: ProtocolRef) => CompiledProtocol | undefined> {
  const out = new Map<string, CompiledProtocol>();
  for (const event of history) {
    // A record the database no longer holds as an object is no record: replay names it.
    const ref = (event as EventRecord | null)?.protocol;
    const key = `${ref?.id}@${ref?.version}`;
    if (out.has(key) || !ref) continue;
    const p = await protocols.find(ref.id, ref.version);
    if (p) out.set(key, p.compiled);
  }
  return (ref) => out.get(`${ref.id}@${ref.version}`);
}
