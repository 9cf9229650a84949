import { describe, expect, it } from 'vitest';
import { initialTransition, setup, transition } from 'xstate';
import { resolveTarget, toMachineConfig, type MachineConfig } from '../src/index.js';

const meta = { title: { es: 'x', en: 'x' }, legal: [] };
const machine: MachineConfig = {
  id: 'p',
  initial: 'a',
  states: {
    a: {
      meta,
      on: { GO: [{ target: 'b', guard: 'ok' }, { target: '#p.c.x' }] },
      after: { slow: { target: 'c' } },
    },
    b: { meta, type: 'final' },
    c: {
      meta,
      initial: 'x',
      states: { x: { meta, on: { NEXT: { target: 'y' } } }, y: { meta, type: 'final' } },
      onDone: { target: 'b' },
    },
  },
};

describe('toMachineConfig', () => {
  it('builds a machine XState runs, with named guards and delays', () => {
    const { config, delays } = toMachineConfig({ machine, delays: { slow: { hours: 2 } } });
    expect(delays).toEqual({ slow: 7_200_000 });
    let allow = false;
    const m = setup({ guards: { ok: () => allow }, delays }).createMachine(config as never);
    const [s0] = initialTransition(m);
    expect(s0.value).toBe('a');
    const [s1] = transition(m, s0, { type: 'GO' });
    expect(s1.value).toEqual({ c: 'x' });
    allow = true;
    const [s2] = transition(m, s0, { type: 'GO' });
    expect(s2.value).toBe('b');
  });

  it('resolves targets as XState does', () => {
    expect(resolveTarget(machine, 'a', 'b')).toBe('b');
    expect(resolveTarget(machine, 'a', '#p.c.y')).toBe('c.y');
    expect(resolveTarget(machine, 'a', '#p.c.x')).toBe('c.x');
    expect(resolveTarget(machine, 'c', '.x')).toBe('c.x');
    expect(resolveTarget(machine, 'c.x', 'y')).toBe('c.y');
    expect(resolveTarget(machine, 'a', 'nowhere')).toBeNull();
  });
});
