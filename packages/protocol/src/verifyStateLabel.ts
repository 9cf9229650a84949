import { getState } from './stateTree.js';
import type { MachineConfig, Text } from './types.js';

/**
 * How a message names a state, in each language: its title and its path, e.g.
 * `"Shelter" (protection.shelter)` and `«Albergue» (protection.shelter)`; the path alone when
 * the state has no title in that language.
 */
export function stateLabel(machine: MachineConfig, path: string): Text {
  if (path === '')
    return {
      en: 'every state (machine-level transition)',
      es: 'cualquier etapa (transición de toda la máquina)',
    };
  const title = getState(machine, path)?.meta?.title;
  return {
    en: title?.en ? `"${title.en}" (${path})` : `"${path}"`,
    es: title?.es ? `«${title.es}» (${path})` : `«${path}»`,
  };
}
