import { getState } from '@ruta/protocol';
import type { ActionConfig, Role, Text, TransitionConfig } from '@ruta/protocol';
import type { DesignDoc, TransitionRef } from './DesignDoc.js';
import { EditError } from './EditError.js';
import { targetFor } from './chartPaths.js';
import { readSlot, readTransition, writeSlot } from './transitionSlots.js';

/**
 * Connects `source` to the state at `targetPath` on `event` (which must be defined in the
 * protocol's events, or be "after:<delay>" / "done"). The new candidate goes last, after any
 * guarded ones already there.
 */
export function addTransition(
  doc: DesignDoc,
  spec: { source: string; targetPath: string; event: string; actions?: ActionConfig[] },
): { doc: DesignDoc; ref: TransitionRef } {
  checkEvent(doc, spec.event);
  if (spec.source !== '' && getState(doc.machine, spec.source)?.type === 'final')
    throw new EditError('final-has-transitions', { path: spec.source });
  if (!getState(doc.machine, spec.targetPath))
    throw new EditError('unknown-state', { path: spec.targetPath });
  const list = readSlot(doc.machine, spec.source, spec.event);
  const t: TransitionConfig = { target: targetFor(doc.machine, spec.source, spec.targetPath) };
  if (spec.actions?.length) t.actions = spec.actions;
  const machine = writeSlot(doc.machine, spec.source, spec.event, [...list, t]);
  return { doc: { ...doc, machine }, ref: { source: spec.source, event: spec.event, index: list.length } };
}

export interface TransitionPatch {
  /** New target state path; null makes the transition targetless (actions only). */
  targetPath?: string | null;
  /** Name of a guard in the protocol's guards; null removes the guard. */
  guard?: string | null;
  actions?: ActionConfig[];
  /** Empty list: back to the source state's roles. */
  roles?: Role[];
  description?: Text | null;
}

/**
 * The actions a new transition from `source` starts with: recording the step's form when the
 * step has one (a step's data is kept when the step is done), else none.
 */
export function defaultActions(doc: DesignDoc, source: string): ActionConfig[] {
  const form = source === '' ? undefined : getState(doc.machine, source)?.meta.form;
  return form === undefined ? [] : [{ type: 'recordForm', params: { form } }];
}

/** Changes the target, guard, actions, roles or description of one transition. */
export function updateTransition(doc: DesignDoc, ref: TransitionRef, patch: TransitionPatch): DesignDoc {
  const list = readSlot(doc.machine, ref.source, ref.event);
  const t = readTransition(doc.machine, ref);
  const next: TransitionConfig = { ...t };
  if (patch.targetPath !== undefined) {
    if (patch.targetPath === null) delete next.target;
    else {
      if (!getState(doc.machine, patch.targetPath))
        throw new EditError('unknown-state', { path: patch.targetPath });
      next.target = targetFor(doc.machine, ref.source, patch.targetPath);
    }
  }
  if (patch.guard !== undefined) {
    if (patch.guard === null) delete next.guard;
    else {
      if (!Object.hasOwn(doc.guards, patch.guard))
        throw new EditError('unknown-guard', { guard: patch.guard });
      next.guard = patch.guard;
    }
  }
  if (patch.actions !== undefined) {
    if (patch.actions.length === 0) delete next.actions;
    else next.actions = patch.actions;
  }
  if (patch.roles !== undefined) {
    if (patch.roles.length === 0) delete next.roles;
    else next.roles = patch.roles;
  }
  if (patch.description !== undefined) {
    if (patch.description === null) delete next.description;
    else next.description = patch.description;
  }
  const machine = writeSlot(
    doc.machine,
    ref.source,
    ref.event,
    list.map((x, i) => (i === ref.index ? next : x)),
  );
  return { ...doc, machine };
}

/** Moves a transition to another event of the same source (it goes last there). */
export function setTransitionEvent(
  doc: DesignDoc,
  ref: TransitionRef,
  event: string,
): { doc: DesignDoc; ref: TransitionRef } {
  if (event === ref.event) return { doc, ref };
  checkEvent(doc, event);
  const t = readTransition(doc.machine, ref);
  const from = readSlot(doc.machine, ref.source, ref.event).filter((_, i) => i !== ref.index);
  let machine = writeSlot(doc.machine, ref.source, ref.event, from);
  const to = readSlot(machine, ref.source, event);
  machine = writeSlot(machine, ref.source, event, [...to, t]);
  return { doc: { ...doc, machine }, ref: { source: ref.source, event, index: to.length } };
}

/** Moves a candidate up or down among the transitions of its event: the first whose guard passes is taken. */
export function moveTransition(
  doc: DesignDoc,
  ref: TransitionRef,
  to: number,
): { doc: DesignDoc; ref: TransitionRef } {
  const list = [...readSlot(doc.machine, ref.source, ref.event)];
  const [t] = list.splice(ref.index, 1);
  if (!t) throw new EditError('unknown-transition', { source: ref.source || '*', event: ref.event });
  const index = Math.max(0, Math.min(list.length, to));
  list.splice(index, 0, t);
  return {
    doc: { ...doc, machine: writeSlot(doc.machine, ref.source, ref.event, list) },
    ref: { ...ref, index },
  };
}

export function removeTransition(doc: DesignDoc, ref: TransitionRef): DesignDoc {
  readTransition(doc.machine, ref);
  const list = readSlot(doc.machine, ref.source, ref.event).filter((_, i) => i !== ref.index);
  return { ...doc, machine: writeSlot(doc.machine, ref.source, ref.event, list) };
}

function checkEvent(doc: DesignDoc, event: string): void {
  if (event === 'done') return;
  if (event.startsWith('after:')) {
    const delay = event.slice(6);
    if (!Object.hasOwn(doc.delays ?? {}, delay)) throw new EditError('unknown-delay', { delay });
    return;
  }
  if (!Object.hasOwn(doc.events, event)) throw new EditError('unknown-event', { event });
}
