import { escapePointer, listStates, listTransitions } from '@ruta/protocol';
import type { Problem } from '@ruta/protocol';
import type { DesignDoc, TransitionRef } from './DesignDoc.js';

/**
 * Where the verifier writes the `from` of a deadline, delay or setDeadline action (JSON
 * pointers into the protocol file), so the editor can ask what each may count from and show
 * the problems about it next to its choice.
 */
export const anchorPointers = {
  /** The `from` of the deadline of the state at `path`; undefined when there is no such state. */
  stateDeadline(doc: DesignDoc, path: string): string | undefined {
    const s = listStates(doc.machine).find((x) => x.path === path);
    return s && `${s.pointer}/meta/deadline/from`;
  },
  /** The entry or exit actions of the state at `path`. */
  stateActions(doc: DesignDoc, path: string, which: 'entry' | 'exit'): string | undefined {
    const s = listStates(doc.machine).find((x) => x.path === path);
    return s && `${s.pointer}/${which}`;
  },
  /** The actions of a transition. */
  transitionActions(doc: DesignDoc, ref: TransitionRef): string | undefined {
    const t = listTransitions(doc.machine).find(
      (x) => x.source === ref.source && x.event === ref.event && x.index === ref.index,
    );
    return t && `${t.pointer}/actions`;
  },
  delay: (name: string): string => `/delays/${escapePointer(name)}/from`,
  /** The `from` of the setDeadline action at `index` of the actions at `actions`. */
  action: (actions: string, index: number): string => `${actions}/${index}/params/from`,
};

/** Whether a problem is about where a deadline or delay counts from. */
export function isAnchorProblem(p: Problem): boolean {
  return p.code.startsWith('deadline-anchor-');
}

/**
 * The problems about the `from` at `pointer`, once each (a delay waited for at several steps may
 * be reported for each of them).
 */
export function anchorProblemsAt(problems: readonly Problem[], pointer: string): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const at = p.location.pointer;
    if (!isAnchorProblem(p) || (at !== pointer && !at.startsWith(`${pointer}/`))) return false;
    const key = `${p.code}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
