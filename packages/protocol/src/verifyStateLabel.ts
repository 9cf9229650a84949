import { getState } from './stateTree.js';
import type { MachineConfig } from './types.js';

/**
 * How a message names a state: its English title and its path, e.g.
 * `"Shelter" (protection.shelter)`; the path alone when the state has no title.
 */
export function stateLabel(machine: MachineConfig, path: string): string {
  if (path === '') return 'every state (machine-level transition)';
  const title = getState(machine, path)?.meta?.title?.en;
  return title ? `"${title}" (${path})` : `"${path}"`;
}
