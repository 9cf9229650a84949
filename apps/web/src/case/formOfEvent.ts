import type { EventRecord } from '@ruta/engine';
import type { FormDefinition, MachineConfig, StateConfig, TransitionsConfig } from '@ruta/protocol';

/**
 * The forms an event may record (each recordForm of a transition on that event: its own form,
 * else its source state's), as the server redacts an event's data by them.
 */
export function formsOfEvent(machine: MachineConfig, event: string): string[] {
  const forms = new Set<string>();
  const visit = (on: Record<string, TransitionsConfig> | undefined, stateForm: string | undefined) => {
    const ts = on && Object.hasOwn(on, event) ? on[event] : undefined;
    for (const t of ts === undefined ? [] : Array.isArray(ts) ? ts : [ts]) {
      for (const a of t.actions ?? []) {
        const form = a.type === 'recordForm' ? (a.params?.form ?? stateForm) : undefined;
        if (form) forms.add(form);
      }
    }
  };
  const walk = (states: Record<string, StateConfig> | undefined) => {
    for (const s of Object.values(states ?? {})) {
      visit(s.on, s.meta.form);
      walk(s.states);
    }
  };
  visit(machine.on, undefined);
  walk(machine.states);
  return [...forms];
}

/**
 * The form whose answers an event of the history carries, or null when it carries none: of the
 * forms the event may record, the one that has every field of its data.
 */
export function formOfEvent(
  protocol: { machine: MachineConfig; forms: Record<string, FormDefinition> },
  event: Pick<EventRecord, 'type' | 'data'>,
): string | null {
  const data = event.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const candidates = formsOfEvent(protocol.machine, event.type).filter((f) =>
    Object.hasOwn(protocol.forms, f),
  );
  const fits = (f: string) => {
    const props = protocol.forms[f]!.schema.properties ?? {};
    return Object.keys(data).every((k) => Object.hasOwn(props, k));
  };
  return candidates.find(fits) ?? candidates[0] ?? null;
}
