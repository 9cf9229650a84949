import { listStates } from './stateTree.js';
import type { MachineConfig, Text } from './types.js';

/** A state where a case may be handed over by hand: its path and title. */
export interface HandoverStage {
  path: string;
  title: Text;
}

/**
 * The states of a statechart whose metadata allows a manual handover (`meta.handover`), in the
 * order the file lists them. A case in one of them, or in a state inside one, may be handed over;
 * an empty list means the protocol never hands a case over by hand.
 *
 * @example handoverStages(resolved.machine).map((s) => s.path) // ["solution.coordination", ...]
 */
export function handoverStages(machine: MachineConfig): HandoverStage[] {
  return listStates(machine)
    .filter((s) => s.state.meta.handover !== undefined)
    .map((s) => ({ path: s.path, title: s.state.meta.title }));
}
