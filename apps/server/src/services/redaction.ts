import type { CompiledProtocol, EventRecord } from '@ruta/engine';
import { redactSensitive, type ResolvedProtocol } from '@ruta/protocol';

export const RESERVED = '[reserved]';

/** Case data with every x-sensitive value replaced by "[reserved]"; data of an unknown form is withheld whole. */
export function redactCaseData(
  protocol: ResolvedProtocol,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return redactFormData(protocol, data, () => RESERVED);
}

/**
 * Data by form id with every x-sensitive value replaced by "[reserved]", by the protocol's forms;
 * the data of a form the protocol lacks (or of every form, without a protocol) as `withhold` says.
 */
export function redactFormData<V>(
  protocol: ResolvedProtocol | null,
  data: Record<string, V>,
  withhold: (value: V) => V,
): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [formId, value] of Object.entries(data)) {
    const form = protocol && Object.hasOwn(protocol.forms, formId) ? protocol.forms[formId] : undefined;
    out[formId] = form ? (redactSensitive(form, value) as V) : withhold(value);
  }
  return out;
}

/** A form's values each replaced by "[reserved]", keeping which fields there are. */
export function reserveEachField(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(values).map((k) => [k, RESERVED]));
}

/** The forms an event's data may have been recorded under (every recordForm of that event). */
export function formsOfEvent(compiled: CompiledProtocol, event: string): string[] {
  const forms = new Set<string>();
  for (const t of compiled.transitions) {
    if (t.event !== event) continue;
    for (const a of t.actions) if (a.type === 'recordForm') forms.add(a.form);
  }
  return [...forms];
}

/**
 * An event as a reader of the history sees it: the submitted data with sensitive values
 * replaced, by every form the event could have recorded; data no form describes is withheld.
 */
export function redactEvent(compiled: CompiledProtocol, event: EventRecord): EventRecord {
  if (event.data === undefined) return event;
  const forms = formsOfEvent(compiled, event.type)
    .map((id) => (Object.hasOwn(compiled.protocol.forms, id) ? compiled.protocol.forms[id] : undefined))
    .filter((f) => f !== undefined);
  if (forms.length === 0) return { ...event, data: RESERVED };
  let data: unknown = event.data;
  for (const form of forms) data = redactSensitive(form, data);
  return { ...event, data };
}
