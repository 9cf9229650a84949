/**
 * Undo and redo over whole documents. Documents are immutable and share unchanged parts, so
 * keeping every version costs little. Consecutive edits with the same `coalesce` key (typing
 * in one text box) make a single undo step.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** The coalesce key of the last recorded edit. */
  lastKey: string | undefined;
}

const LIMIT = 300;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: undefined };
}

/** Records `next` as the new present; edits that change nothing are not recorded. */
export function record<T>(h: History<T>, next: T, coalesce?: string): History<T> {
  if (next === h.present) return h;
  if (coalesce !== undefined && coalesce === h.lastKey && h.past.length > 0) {
    return { past: h.past, present: next, future: [], lastKey: coalesce };
  }
  const past = h.past.length >= LIMIT ? [...h.past.slice(1), h.present] : [...h.past, h.present];
  return { past, present: next, future: [], lastKey: coalesce };
}

export function undo<T>(h: History<T>): History<T> {
  const prev = h.past[h.past.length - 1];
  if (prev === undefined) return h;
  return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future], lastKey: undefined };
}

export function redo<T>(h: History<T>): History<T> {
  const next = h.future[0];
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1), lastKey: undefined };
}

export const canUndo = <T>(h: History<T>): boolean => h.past.length > 0;
export const canRedo = <T>(h: History<T>): boolean => h.future.length > 0;
