import type { AvailableAction } from '@ruta/engine';
import type { ActiveState } from '../api/types.js';

export interface Panel {
  /** The active state this panel is for; null for actions that belong to no shown state. */
  state: ActiveState | null;
  form: string | null;
  actions: AvailableAction[];
}

/**
 * Groups what the case page shows: one panel per active state (its form and the actions that
 * record that form), then the rest. Actions without a form join the only active state when
 * there is one, else a general panel; an action recording a form no active state shows gets a
 * panel of its own, so its form is there to fill in.
 */
export function planPanels(active: ActiveState[], actions: AvailableAction[]): Panel[] {
  const panels: Panel[] = active.map((state) => ({ state, form: state.form ?? null, actions: [] }));
  const general: Panel = { state: null, form: null, actions: [] };
  for (const action of actions) {
    if (action.form) {
      const home = panels.find((p) => p.form === action.form);
      if (home) home.actions.push(action);
      else {
        const own = panels.find((p) => p.state === null && p.form === action.form);
        if (own) own.actions.push(action);
        else panels.push({ state: null, form: action.form, actions: [action] });
      }
    } else if (panels.length > 0 && active.length === 1) {
      panels[0]!.actions.push(action);
    } else {
      general.actions.push(action);
    }
  }
  if (general.actions.length > 0) panels.push(general);
  return panels;
}
