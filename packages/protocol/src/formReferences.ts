import { listStates, listTransitions } from './stateTree.js';
import type { ActionConfig, MachineConfig } from './types.js';

/** A place in a statechart that names a form: a state's meta.form or a recordForm action's params.form. */
export interface FormReference {
  form: string;
  /** JSON pointer inside the protocol file. */
  pointer: string;
  /** Path of the state it is written in ("" for the machine's own transitions). */
  state: string;
}

/** Every form a statechart names, in document order (a form may appear several times). */
export function formReferences(machine: MachineConfig): FormReference[] {
  const out: FormReference[] = [];
  const fromActions = (actions: ActionConfig[] | undefined, pointer: string, state: string) => {
    (actions ?? []).forEach((a, i) => {
      if (a.type === 'recordForm' && a.params?.form !== undefined) {
        out.push({ form: a.params.form, pointer: `${pointer}/${i}/params/form`, state });
      }
    });
  };
  for (const s of listStates(machine)) {
    if (s.state.meta?.form !== undefined)
      out.push({ form: s.state.meta.form, pointer: `${s.pointer}/meta/form`, state: s.path });
    fromActions(s.state.entry, `${s.pointer}/entry`, s.path);
    fromActions(s.state.exit, `${s.pointer}/exit`, s.path);
  }
  for (const t of listTransitions(machine))
    fromActions(t.transition.actions, `${t.pointer}/actions`, t.source);
  return out;
}

/** The ids of the forms a statechart names, each once, in order of first mention. */
export function formIds(machine: MachineConfig): string[] {
  return [...new Set(formReferences(machine).map((r) => r.form))];
}
