import { migrateCase, type CaseState, type EventRecord, type StepResult } from '@ruta/engine';
import type { ProtocolStore } from './protocolStore.js';

/** Re-applies a recorded "migrated" event (roll-forward after a crash), at its recorded time and id. */
export async function reapplyMigration(
  protocols: ProtocolStore,
  state: CaseState,
  event: EventRecord,
  deps: { clock: () => string; ids: () => string },
): Promise<StepResult> {
  if (!event.migration) {
    return {
      ok: false,
      reasons: [{ code: 'bad-input', message: `event ${event.seq} is a migration without its mapping` }],
    };
  }
  const from = await protocols.get(state.protocol.id, state.protocol.version);
  const to = await protocols.get(event.protocol.id, event.protocol.version);
  const r = migrateCase(from.compiled, to.compiled, state, event.migration.mapping, event.actor, deps);
  return r.ok ? { ok: true, case: r.case, event: r.event, effects: r.event.effects } : r;
}
