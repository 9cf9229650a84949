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
 * that record that form (and, when there is only one step, the actions that record nothing);
 * every other action is listed apart, its form opened only when the worker picks it, so a step
 * shows one form, not every form some action could record.
 */
export function planPanels(
  active: ActiveState[],
  actions: AvailableAction[],
): { panels: Panel[]; others: AvailableAction[] } {
  const panels: Panel[] = active.map((state) => ({ state, form: state.form ?? null, actions: [] }));
  const others: AvailableAction[] = [];
  for (const action of actions) {
    const home = action.form
      ? panels.find((p) => p.form === action.form)
      : panels.length === 1
        ? panels[0]
        : undefined;
    if (home) home.actions.push(action);
    else others.push(action);
  }
  return { panels, others };
}
