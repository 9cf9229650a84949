import type { CompiledProtocol } from './compileProtocol.js';
import { evaluateCommand } from './evaluateCommand.js';
import type { Actor, AvailableAction, CaseState } from './types.js';

/**
 * What the action bar shows: every event the case's current states handle, each either
 * possible for this actor now or with the reasons it is not. Without `data`, an event whose
 * step records a form is offered with `form` set (the form to fill) unless something other
 * than the form's content stands in the way; with `data`, that data is checked as a step would.
 */
export function availableActions(
  compiled: CompiledProtocol,
  c: CaseState,
  actor: Actor,
  data?: unknown,
): AvailableAction[] {
  let events: string[];
  try {
    events = compiled.runtime.configuration(c.value).events;
  } catch {
    events = [];
  }
  return events.map((event) => {
    const ev = evaluateCommand(compiled, c, data === undefined ? { event, actor } : { event, data, actor }, {
      kind: 'step',
      memo: true,
      probe: true,
    });
    const def = compiled.events.get(event);
    const action: AvailableAction = {
      event,
      title: def?.title ?? { es: event, en: event },
      ok: ev.ok,
      reasons: ev.ok ? [] : ev.reasons,
    };
    if (ev.form !== undefined) action.form = ev.form;
    return action;
  });
}
