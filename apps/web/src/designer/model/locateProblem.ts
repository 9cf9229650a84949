import { listStates, listTransitions } from '@ruta/protocol';
import type { Problem } from '@ruta/protocol';
import type { DesignDoc, Selection } from './DesignDoc.js';
import { isAnchorProblem } from './anchorPointers.js';

/**
 * The element a problem is about, to select it: a form field, a transition (by the JSON pointer
 * of its definition or of the guard it uses), a state, or a form. Null when it is about the
 * protocol as a whole. A problem about what a deadline counts from goes to the deadline, where
 * its "counts from" choice is, not to the field it names: the state, the transition whose
 * setDeadline it is, the delayed transition of the step that waits (or the protocol's delays).
 */
export function locateProblem(doc: DesignDoc, p: Problem): Selection | null {
  const { state, form, field, pointer } = p.location;
  const anchor = isAnchorProblem(p);
  if (!anchor && form !== undefined && field !== undefined && Object.hasOwn(doc.forms, form))
    return { kind: 'field', form, field };
  const transitions = listTransitions(doc.machine);
  const delay = anchor ? /^\/delays\/([^/]+)\//.exec(pointer)?.[1] : undefined;
  if (delay !== undefined) {
    const event = `after:${delay.replace(/~1/g, '/').replace(/~0/g, '~')}`;
    const wait = transitions.find((x) => x.event === event && x.source === state);
    return wait
      ? { kind: 'transition', ref: { source: wait.source, event, index: wait.index } }
      : { kind: 'protocol' };
  }
  const t = transitions
    .filter((x) => pointer === x.pointer || pointer.startsWith(`${x.pointer}/`))
    .sort((a, b) => b.pointer.length - a.pointer.length)[0];
  if (t) return { kind: 'transition', ref: { source: t.source, event: t.event, index: t.index } };
  const guard = /^\/guards\/([^/]+)/.exec(pointer)?.[1];
  if (guard !== undefined) {
    const name = guard.replace(/~1/g, '/').replace(/~0/g, '~');
    const user = transitions.find((x) => x.transition.guard === name);
    if (user)
      return { kind: 'transition', ref: { source: user.source, event: user.event, index: user.index } };
  }
  if (state !== undefined && state !== '') return { kind: 'state', path: state };
  const s = listStates(doc.machine)
    .filter((x) => pointer === x.pointer || pointer.startsWith(`${x.pointer}/`))
    .sort((a, b) => b.pointer.length - a.pointer.length)[0];
  if (s) return { kind: 'state', path: s.path };
  if (form !== undefined && Object.hasOwn(doc.forms, form)) {
    const first = Object.keys(doc.forms[form]!.schema.properties ?? {})[0];
    if (first !== undefined) return { kind: 'field', form, field: first };
  }
  return null;
}

/** How many errors each state and transition of the graph has, for the marks on the chart. */
export function problemCounts(
  doc: DesignDoc,
  problems: readonly Problem[],
): { states: Map<string, number>; transitions: Map<string, number> } {
  const states = new Map<string, number>();
  const transitions = new Map<string, number>();
  for (const p of problems) {
    if (p.severity === 'warning') continue;
    const at = locateProblem(doc, p);
    if (at?.kind === 'state') states.set(at.path, (states.get(at.path) ?? 0) + 1);
    if (at?.kind === 'transition') {
      const id = `${at.ref.source}|${at.ref.event}|${at.ref.index}`;
      transitions.set(id, (transitions.get(id) ?? 0) + 1);
    }
  }
  return { states, transitions };
}
