import { didYouMean } from './verifyDidYouMean.js';
import {
  ACTION_TYPES,
  type ActionConfig,
  type Problem,
  type ResolvedProtocol,
  type StateConfig,
} from './types.js';
import { listOf } from './verifyListOf.js';

/**
 * Problems of a list of actions (a transition's, or a state's entry/exit): unknown action types,
 * forms that do not exist, a recordForm with nothing to record, deadlines that are not in the future.
 * `source` is the state the actions belong to (undefined for machine-level transitions).
 */
export function verifyActions(
  protocol: ResolvedProtocol,
  actions: readonly ActionConfig[] | undefined,
  where: { pointer: string; state: string; source: StateConfig | undefined },
): Problem[] {
  const problems: Problem[] = [];
  const forms = Object.keys(protocol.forms ?? {});
  listOf(actions).forEach((action, index) => {
    const pointer = `${where.pointer}/${index}`;
    const location = { pointer, state: where.state };
    const type: string = action?.type;
    if (!ACTION_TYPES.some((known) => known === type)) {
      problems.push({
        code: 'unknown-action',
        location,
        message: `Action "${type}" is not one Ruta knows.`,
        hint: `Use one of: ${ACTION_TYPES.join(', ')}.${didYouMean(String(type), ACTION_TYPES)}`,
      });
      return;
    }
    if (action.type === 'recordForm') {
      const named = action.params?.form;
      if (named !== undefined) {
        if (!Object.hasOwn(protocol.forms ?? {}, named)) {
          problems.push({
            code: 'unknown-form',
            location: { ...location, pointer: `${pointer}/params/form`, form: named },
            message: `This step records form "${named}", which the protocol does not include.`,
            hint: `Add form "${named}" to forms/ and to the protocol, or name one of its forms: ${forms.join(', ') || '(none yet)'}.${didYouMean(named, forms)}`,
          });
        }
      } else if (!where.source?.meta?.form) {
        problems.push({
          code: 'record-without-form',
          location,
          message:
            where.state === ''
              ? 'A machine-level transition records a form but does not say which one.'
              : `This step records a form, but state "${where.state}" has no form and the action names none.`,
          hint: 'Give the state a form (meta.form) or name the form in the action: {"type": "recordForm", "params": {"form": "<form id>"}}.',
        });
      }
    }
    if (
      action.type === 'setDeadline' &&
      !(typeof action.params?.hours === 'number' && action.params.hours > 0)
    ) {
      problems.push({
        code: 'deadline-not-positive',
        location: { ...location, pointer: `${pointer}/params/hours` },
        message: `Deadline "${action.params?.name ?? '?'}" is set to ${String(action.params?.hours)} hours; a deadline must be later than the step that sets it.`,
        hint: 'Set "hours" to a number greater than 0, e.g. 24 for the 24-hour alert.',
      });
    }
  });
  return problems;
}
