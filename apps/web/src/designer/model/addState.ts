import { getState } from '@ruta/protocol';
import type { StateConfig, Text } from '@ruta/protocol';
import type { DesignDoc } from './DesignDoc.js';
import { EditError } from './EditError.js';
import { STATE_KEY, joinPath } from './chartPaths.js';
import { uniqueKey } from './uniqueKey.js';
import { updateChildren, updateStateAt } from './updateStateAt.js';

export interface NewState {
  /** Path of the parent state; "" for the top level. */
  parent: string;
  title: Text;
  /** The key; made from the Spanish title when omitted. */
  key?: string;
  type?: 'atomic' | 'final';
}

/**
 * Adds a state under `parent`. An atomic parent becomes compound with the new state as its
 * initial child. The new state has no incoming transition yet: the verifier reports it as
 * unreachable until the designer connects it.
 */
export function addState(doc: DesignDoc, spec: NewState): { doc: DesignDoc; path: string } {
  const machine = doc.machine;
  let siblings: Record<string, StateConfig> = machine.states;
  if (spec.parent !== '') {
    const parent = getState(machine, spec.parent);
    if (!parent) throw new EditError('unknown-state', { path: spec.parent });
    if (parent.type === 'final') throw new EditError('final-has-no-children', { path: spec.parent });
    siblings = parent.states ?? {};
  }
  const key = spec.key ?? uniqueKey(spec.title.es || spec.title.en, Object.keys(siblings), 'state');
  if (!STATE_KEY.test(key)) throw new EditError('bad-state-key', { key });
  if (Object.hasOwn(siblings, key)) throw new EditError('duplicate-state-key', { key });

  const state: StateConfig = { meta: { title: spec.title, legal: [] } };
  if (spec.type === 'final') state.type = 'final';
  let next = updateChildren(machine, spec.parent, (states) => ({ ...states, [key]: state }));
  if (spec.parent !== '') {
    next = updateStateAt(next, spec.parent, (p) => {
      if (p.type === 'parallel' || p.initial !== undefined) return p;
      const out: StateConfig = { ...p, initial: key };
      if (out.type === 'atomic') delete out.type;
      return out;
    });
  }
  return { doc: { ...doc, machine: next }, path: joinPath(spec.parent, key) };
}
