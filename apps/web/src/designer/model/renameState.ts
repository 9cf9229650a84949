import { getState, listTransitions, resolveTarget } from '@ruta/protocol';
import type { MachineConfig, StateConfig } from '@ruta/protocol';
import type { DesignDoc } from './DesignDoc.js';
import { EditError } from './EditError.js';
import { STATE_KEY, isSameOrInside, joinPath, keyOf, parentPath, targetFor } from './chartPaths.js';
import { mapTransitions } from './mapTransitions.js';
import { updateChildren, updateStateAt } from './updateStateAt.js';

/**
 * Gives the state at `path` a new key, keeping its place among its siblings, and rewrites every
 * transition target and `initial` that pointed at it (or inside it) so the chart behaves
 * exactly as before.
 */
export function renameState(doc: DesignDoc, path: string, newKey: string): DesignDoc {
  const machine = doc.machine;
  const state = getState(machine, path);
  if (!state) throw new EditError('unknown-state', { path });
  if (newKey === keyOf(path)) return doc;
  if (!STATE_KEY.test(newKey)) throw new EditError('bad-state-key', { key: newKey });
  const parent = parentPath(path);
  const siblings = parent === '' ? machine.states : (getState(machine, parent)?.states ?? {});
  if (Object.hasOwn(siblings, newKey)) throw new EditError('duplicate-state-key', { key: newKey });

  const oldKey = keyOf(path);
  const newPath = joinPath(parent, newKey);
  const move = (p: string) => (isSameOrInside(p, path) ? newPath + p.slice(path.length) : p);

  // Where every transition went before the rename, by its (old) site.
  const before = new Map<string, string | null>();
  for (const t of listTransitions(machine)) {
    if (t.transition.target !== undefined)
      before.set(`${t.source}|${t.event}|${t.index}`, resolveTarget(machine, t.source, t.transition.target));
  }

  let next: MachineConfig = updateChildren(machine, parent, (states) => {
    const out: Record<string, StateConfig> = {};
    for (const [k, s] of Object.entries(states)) out[k === oldKey ? newKey : k] = s;
    return out;
  });
  if (parent === '') {
    if (next.initial === oldKey) next = { ...next, initial: newKey };
  } else {
    next = updateStateAt(next, parent, (p) => (p.initial === oldKey ? { ...p, initial: newKey } : p));
  }

  const renamed = next;
  next = mapTransitions(renamed, (t, site) => {
    if (t.target === undefined) return t;
    const oldSource =
      isSameOrInside(site.source, newPath) && site.source !== ''
        ? path + site.source.slice(newPath.length)
        : site.source;
    const was = before.get(`${oldSource}|${site.event}|${site.index}`);
    if (was === undefined || was === null) return t;
    const want = move(was);
    if (resolveTarget(renamed, site.source, t.target) === want) return t;
    return { ...t, target: targetFor(renamed, site.source, want) };
  });
  return { ...doc, machine: next };
}
