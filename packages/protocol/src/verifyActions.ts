import { nearestName } from './nearestName.js';
import { transitionTexts as texts } from './transitionTexts.js';
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
        ...texts.unknownAction(String(type), nearestName(String(type), ACTION_TYPES)),
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
            ...texts.unknownFormOfAction(named, forms, nearestName(String(named), forms)),
          });
        }
      } else if (!where.source?.meta?.form) {
        problems.push({
          code: 'record-without-form',
          location,
          ...texts.recordWithoutForm(where.state),
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
        ...texts.deadlineNotPositiveOfAction(action.params?.name ?? '?', String(action.params?.hours)),
      });
    }
  });
  return problems;
}
