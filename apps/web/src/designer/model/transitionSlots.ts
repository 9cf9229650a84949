import { asList, getState } from '@ruta/protocol';
import type { MachineConfig, StateConfig, TransitionConfig, TransitionsConfig } from '@ruta/protocol';
import type { TransitionRef } from './DesignDoc.js';
import { EditError } from './EditError.js';
import { updateStateAt } from './updateStateAt.js';

/** The candidate transitions written under one event key of one source ("" = root). */
export function readSlot(machine: MachineConfig, source: string, event: string): TransitionConfig[] {
  if (source === '') return event.startsWith('after:') || event === 'done' ? [] : asList(machine.on?.[event]);
  const s = getState(machine, source);
  if (!s) throw new EditError('unknown-state', { path: source });
  if (event === 'done') return asList(s.onDone);
  if (event.startsWith('after:')) return asList(s.after?.[event.slice(6)]);
  return asList(s.on?.[event]);
}

/** Writes the candidates of one event key (an empty list removes the key). */
export function writeSlot(
  machine: MachineConfig,
  source: string,
  event: string,
  list: TransitionConfig[],
): MachineConfig {
  const value: TransitionsConfig | undefined =
    list.length === 0 ? undefined : list.length === 1 ? list[0] : list;
  if (source === '') {
    if (event.startsWith('after:') || event === 'done') throw new EditError('root-only-events', { event });
    const on = withKey(machine.on, event, value);
    const out: MachineConfig = { ...machine };
    if (on) out.on = on;
    else delete out.on;
    return out;
  }
  return updateStateAt(machine, source, (s) => {
    const out: StateConfig = { ...s };
    if (event === 'done') {
      if (value === undefined) delete out.onDone;
      else out.onDone = value;
    } else if (event.startsWith('after:')) {
      const after = withKey(s.after, event.slice(6), value);
      if (after) out.after = after;
      else delete out.after;
    } else {
      const on = withKey(s.on, event, value);
      if (on) out.on = on;
      else delete out.on;
    }
    return out;
  });
}

/** The transition a ref names, or an EditError saying it no longer exists. */
export function readTransition(machine: MachineConfig, ref: TransitionRef): TransitionConfig {
  const t = readSlot(machine, ref.source, ref.event)[ref.index];
  if (!t) throw new EditError('unknown-transition', { source: ref.source || '*', event: ref.event });
  return t;
}

function withKey(
  map: Record<string, TransitionsConfig> | undefined,
  key: string,
  value: TransitionsConfig | undefined,
): Record<string, TransitionsConfig> | undefined {
  const out: Record<string, TransitionsConfig> = { ...(map ?? {}) };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return Object.keys(out).length === 0 ? undefined : out;
}
