import { handoverStages } from './handoverStages.js';
import type { MachineConfig } from './types.js';

/** A state value as XState and the engine write it: a key, or child values by key. */
export type StateValueShape = string | { [key: string]: StateValueShape };

/**
 * Whether a case whose state value is `value` may be handed over by hand: some state it is in
 * (ancestors included, any region of a parallel state) allows it in its metadata.
 *
 * @example handoverAllowedAt(machine, { solution: 'coordination' }) // true for child-repatriation
 */
export function handoverAllowedAt(machine: MachineConfig, value: StateValueShape): boolean {
  const allowed = new Set(handoverStages(machine).map((s) => s.path));
  return activePaths(value, '').some((p) => allowed.has(p));
}

function activePaths(value: StateValueShape, prefix: string): string[] {
  const join = (key: string) => (prefix === '' ? key : `${prefix}.${key}`);
  if (typeof value === 'string') return [join(value)];
  return Object.entries(value).flatMap(([key, child]) => [join(key), ...activePaths(child, join(key))]);
}
