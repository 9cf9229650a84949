// The stepper lists a protocol's stages in the order a case goes through them, whatever order
// the stored protocol's keys come back in.
import { describe, expect, it } from 'vitest';
import type { MachineConfig } from '@ruta/protocol';
import { stateOrder } from '../src/case/stateOrder.js';
import { childRepatriationFile } from './helpers/shippedProtocol.js';

/** The same chart with every `states` object's keys sorted, as a database may return it. */
function sortedKeys(machine: MachineConfig): MachineConfig {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  return sort(machine) as MachineConfig;
}

describe('stage order', () => {
  const machine = sortedKeys(childRepatriationFile().machine);

  it('goes from intake to closure along the protocol, not alphabetically', () => {
    expect(stateOrder(machine).get('')).toEqual([
      'intake',
      'identification',
      'solution',
      'travel',
      'arrival',
      'reception',
      'reintegration',
      'followUp',
      'closure',
    ]);
  });

  it('orders the steps inside a stage the same way', () => {
    const order = stateOrder(machine);
    expect(order.get('identification')).toEqual(['detection', 'protection', 'verification']);
    expect(order.get('solution.bestInterest')).toEqual([
      'familyTracing',
      'familyAssessment',
      'determination',
    ]);
    expect(order.get('solution')?.slice(0, 3)).toEqual(['bestInterest', 'riskAssessment', 'decision']);
  });
});
