import { getState } from '@ruta/protocol';
import type { ActionConfig, StateConfig, StateMeta } from '@ruta/protocol';
import type { DesignDoc } from './DesignDoc.js';
import { EditError } from './EditError.js';
import { updateStateAt } from './updateStateAt.js';

/** A partial state metadata; a key set to undefined is removed. Title and legal stay required. */
export type MetaPatch = { [K in keyof StateMeta]?: StateMeta[K] | undefined };

/** Merges `patch` into the metadata of the state at `path` (form, roles, deadline, titles, ...). */
export function updateStateMeta(doc: DesignDoc, path: string, patch: MetaPatch): DesignDoc {
  if (!getState(doc.machine, path)) throw new EditError('unknown-state', { path });
  if (patch.deadline !== undefined && !(Number.isFinite(patch.deadline.hours) && patch.deadline.hours > 0))
    throw new EditError('bad-deadline', { path });
  if (patch.form !== undefined && !Object.hasOwn(doc.forms, patch.form))
    throw new EditError('unknown-form', { form: patch.form });
  const machine = updateStateAt(doc.machine, path, (s) => {
    const meta: StateMeta = { ...s.meta };
    for (const [k, v] of Object.entries(patch) as [keyof StateMeta, unknown][]) {
      if (v === undefined) {
        if (k !== 'title' && k !== 'legal') delete meta[k];
      } else (meta as unknown as Record<string, unknown>)[k] = v;
    }
    return { ...s, meta };
  });
  return { ...doc, machine };
}

/** Tags are kebab-case words the invariants speak of ("risk-assessment"). */
export const TAG = /^[a-z][a-z0-9-]*$/;

export interface StatePatch {
  type?: 'atomic' | 'final' | 'compound' | 'parallel';
  tags?: string[];
  entry?: ActionConfig[];
  exit?: ActionConfig[];
  /** The child a compound state starts in. */
  initial?: string;
}

/**
 * Changes the kind, tags, entry/exit actions or initial child of a state. The kind must fit the
 * children: a final or atomic state has none, a compound or parallel state has some.
 */
export function updateState(doc: DesignDoc, path: string, patch: StatePatch): DesignDoc {
  const state = getState(doc.machine, path);
  if (!state) throw new EditError('unknown-state', { path });
  const children = Object.keys(state.states ?? {});
  if (patch.type !== undefined) {
    const hasChildren = children.length > 0;
    if ((patch.type === 'atomic' || patch.type === 'final') && hasChildren)
      throw new EditError('type-needs-no-children', { path, type: patch.type });
    if ((patch.type === 'compound' || patch.type === 'parallel') && !hasChildren)
      throw new EditError('type-needs-children', { path, type: patch.type });
    if (patch.type === 'final' && (state.on || state.after))
      throw new EditError('final-has-transitions', { path });
  }
  for (const tag of patch.tags ?? []) {
    const t = tag.trim();
    if (t !== '' && !TAG.test(t)) throw new EditError('bad-tag', { tag: t });
  }
  if (patch.initial !== undefined && !children.includes(patch.initial))
    throw new EditError('unknown-state', { path: `${path}.${patch.initial}` });
  const machine = updateStateAt(doc.machine, path, (s) => {
    const out: StateConfig = { ...s };
    if (patch.type !== undefined) {
      if (patch.type === 'atomic') delete out.type;
      else if (patch.type === 'compound') {
        delete out.type;
        if (out.initial === undefined) out.initial = children[0];
      } else out.type = patch.type;
      if (patch.type === 'parallel') delete out.initial;
    }
    if (patch.tags !== undefined) {
      const tags = [...new Set(patch.tags.map((t) => t.trim()).filter((t) => t !== ''))];
      if (tags.length === 0) delete out.tags;
      else out.tags = tags;
    }
    if (patch.entry !== undefined) {
      if (patch.entry.length === 0) delete out.entry;
      else out.entry = patch.entry;
    }
    if (patch.exit !== undefined) {
      if (patch.exit.length === 0) delete out.exit;
      else out.exit = patch.exit;
    }
    if (patch.initial !== undefined) out.initial = patch.initial;
    return out;
  });
  return { ...doc, machine };
}
