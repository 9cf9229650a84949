import type { AvailableAction } from '@ruta/engine';
import type { ActiveState } from '../api/types.js';

export interface Panel {
  state: ActiveState;
  /** The form of the step, shown open. */
  form: string | null;
  actions: AvailableAction[];
}

/**
 * Groups what the case page shows: one panel per current step, with its form and the actions
 * that record that form (and, when there is only one step, the actions that record nothing).
 * A step without a form of its own (an intake that only routes the case) has its own actions,
 * those its state declares (`declares`), forms or not: they are what the step is for. Every
 * other action is listed apart; a form an action records other than the step's is opened only
 * when the worker picks the action, so a step shows one form, not every form some action could
 * record.
 */
export function planPanels(
  active: ActiveState[],
  actions: AvailableAction[],
  declares: (statePath: string, event: string) => boolean = () => false,
): { panels: Panel[]; others: AvailableAction[] } {
  const panels: Panel[] = active.map((state) => ({ state, form: state.form ?? null, actions: [] }));
  const others: AvailableAction[] = [];
  for (const action of actions) {
    const home =
      panels.find((p) => p.form === null && declares(p.state.path, action.event)) ??
      (action.form
        ? panels.find((p) => p.form === action.form)
        : panels.length === 1
          ? panels[0]
          : undefined);
    if (home) home.actions.push(action);
    else others.push(action);
  }
  return { panels, others };
}
