import { getState, listTransitions, resolveTarget } from '@ruta/protocol';
import type { MachineConfig, StateConfig } from '@ruta/protocol';
import type { DesignDoc } from './DesignDoc.js';
import { EditError } from './EditError.js';
import { isSameOrInside, keyOf, parentPath } from './chartPaths.js';
import { mapTransitions } from './mapTransitions.js';
import { updateChildren, updateStateAt } from './updateStateAt.js';

/** How many transitions lead into the state at `path` (or inside it) from outside it. */
export function incomingTransitions(doc: DesignDoc, path: string): number {
  return listTransitions(doc.machine).filter((t) => {
    if (t.transition.target === undefined || (t.source !== '' && isSameOrInside(t.source, path)))
      return false;
    const to = resolveTarget(doc.machine, t.source, t.transition.target);
    return to !== null && isSameOrInside(to, path);
  }).length;
}

/**
 * Removes the state at `path` with its children and every transition that led into it. When it
 * was its parent's initial state the first remaining sibling becomes initial; a parent left with
 * no children becomes an ordinary (atomic) state.
 */
export function removeState(doc: DesignDoc, path: string): DesignDoc {
  const machine = doc.machine;
  if (!getState(machine, path)) throw new EditError('unknown-state', { path });
  const parent = parentPath(path);
  const key = keyOf(path);
  if (parent === '' && Object.keys(machine.states).length === 1) throw new EditError('last-state', { path });

  // Drop transitions that target the removed subtree (resolved against the chart before removal).
  let next: MachineConfig = mapTransitions(machine, (t, site) => {
    if (t.target === undefined) return t;
    const to = resolveTarget(machine, site.source, t.target);
    return to !== null && isSameOrInside(to, path) ? null : t;
  });
  next = updateChildren(next, parent, (states) => {
    const out: Record<string, StateConfig> = {};
    for (const [k, s] of Object.entries(states)) if (k !== key) out[k] = s;
    return out;
  });
  if (parent === '') {
    if (next.initial === key) next = { ...next, initial: Object.keys(next.states)[0] ?? '' };
  } else {
    next = updateStateAt(next, parent, (p) => {
      const remaining = Object.keys(p.states ?? {});
      if (remaining.length === 0) {
        const out: StateConfig = { ...p };
        delete out.initial;
        delete out.states;
        if (out.type === 'compound' || out.type === 'parallel') delete out.type;
        delete out.onDone;
        return out;
      }
      return p.initial === key ? { ...p, initial: remaining[0] } : p;
    });
  }
  return { ...doc, machine: next };
}
