import { listTransitions } from '@ruta/protocol';
import type { AnchoredDuration, EventDefinition, JsonLogic, Text } from '@ruta/protocol';
import type { DesignDoc } from './DesignDoc.js';
import { EditError } from './EditError.js';
import { uniqueKey, uniqueUpperSnake } from './uniqueKey.js';

const NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** Creates or changes the label of an event (the button a case worker presses). */
export function setEvent(doc: DesignDoc, name: string, definition: EventDefinition): DesignDoc {
  // The title may be half-typed; lintDesignDoc reports it until both languages are there.
  if (!NAME.test(name) || name === 'done' || name.startsWith('after:'))
    throw new EditError('bad-event-name', { name });
  return { ...doc, events: { ...doc.events, [name]: definition } };
}

/** A new event name made from its Spanish title, not yet used by the protocol. */
export function newEventName(doc: DesignDoc, title: Text): string {
  return uniqueUpperSnake(title.es || title.en, Object.keys(doc.events), 'EVENT');
}

/** Creates or changes a named guard: a JSON Logic condition with a description in both languages. */
export function setGuard(
  doc: DesignDoc,
  name: string,
  guard: { logic: JsonLogic; description: Text },
): DesignDoc {
  if (!NAME.test(name)) throw new EditError('bad-guard-name', { name });
  return { ...doc, guards: { ...doc.guards, [name]: guard } };
}

export function newGuardName(doc: DesignDoc, description: Text): string {
  return uniqueKey(description.es || description.en, Object.keys(doc.guards), 'guard');
}

/** Removes a guard no transition uses any more. */
export function removeGuard(doc: DesignDoc, name: string): DesignDoc {
  const users = listTransitions(doc.machine).filter((t) => t.transition.guard === name).length;
  if (users > 0) throw new EditError('guard-in-use', { guard: name, count: users });
  const guards = { ...doc.guards };
  delete guards[name];
  return { ...doc, guards };
}

/** Creates or replaces a named delay (its hours and what it counts from, as given). */
export function setDelay(doc: DesignDoc, name: string, delay: AnchoredDuration): DesignDoc {
  if (!NAME.test(name)) throw new EditError('bad-delay-name', { name });
  if (!(Number.isFinite(delay.hours) && delay.hours > 0)) throw new EditError('bad-deadline', { path: name });
  return { ...doc, delays: { ...(doc.delays ?? {}), [name]: delay } };
}

function existingDelay(doc: DesignDoc, name: string): AnchoredDuration {
  const delay = Object.hasOwn(doc.delays ?? {}, name) ? doc.delays![name] : undefined;
  if (!delay) throw new EditError('unknown-delay', { delay: name });
  return delay;
}

/** Changes the hours of a delay; what it counts from stays. */
export function setDelayHours(doc: DesignDoc, name: string, hours: number): DesignDoc {
  return setDelay(doc, name, { ...existingDelay(doc, name), hours });
}

/**
 * Makes a delay count from a recorded date-time field ("cr-detection.detectedAt"), or, with
 * undefined, from entering the step that waits for it. The verifier says whether the field is
 * recorded on every way there.
 */
export function setDelayFrom(doc: DesignDoc, name: string, field: string | undefined): DesignDoc {
  const { from: _from, ...rest } = existingDelay(doc, name);
  return setDelay(doc, name, field === undefined ? rest : { ...rest, from: { field } });
}

export function setProtocolTitle(doc: DesignDoc, title: Text, description?: Text): DesignDoc {
  const out: DesignDoc = { ...doc, title };
  if (description !== undefined) out.description = description;
  return out;
}
