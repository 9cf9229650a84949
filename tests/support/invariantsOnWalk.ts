import { availableActions, type CaseState, type CompiledProtocol, type StateValue } from '@ruta/engine';
import type { Invariant } from '@ruta/protocol';

/**
 * The invariants in force that a walk through the engine breaks, checked on the cases it went
 * through (not on the verifier's model): a step tagged with a mustPassBefore target entered
 * before every required tag was seen; an availableUntil event the case's states did not handle
 * in a step before its `until` tag. Each broken one is described in a sentence.
 */
export function invariantsOnWalk(
  compiled: CompiledProtocol,
  cases: readonly CaseState[],
  available: (c: CaseState) => readonly string[] = (c) => eventsHandled(compiled, c),
): string[] {
  const tagsAt = cases.map(
    (c) => new Set(activeStates(c.value).flatMap((path) => compiled.states.get(path)?.tags ?? [])),
  );
  const broken: string[] = [];
  for (const invariant of compiled.protocol.invariantsInForce as Invariant[]) {
    if (invariant.kind === 'mustPassBefore') {
      for (let i = 0; i < cases.length; i++) {
        const enters =
          tagsAt[i]!.has(invariant.target.tag) && (i === 0 || !tagsAt[i - 1]!.has(invariant.target.tag));
        if (!enters) continue;
        for (const requirement of invariant.requires) {
          const tags = Array.isArray(requirement) ? requirement.map((r) => r.tag) : [requirement.tag];
          if (!tagsAt.slice(0, i).some((seen) => tags.some((t) => seen.has(t)))) {
            broken.push(
              `${invariant.id}: step ${i} (${JSON.stringify(cases[i]!.value)}) is tagged "${invariant.target.tag}" before any step tagged ${tags.join(' or ')}`,
            );
          }
        }
      }
    } else {
      for (let i = 0; i < cases.length; i++) {
        const c = cases[i]!;
        if (c.status === 'closed' || tagsAt[i]!.has(invariant.until.tag)) break;
        if (!available(c).includes(invariant.event)) {
          broken.push(
            `${invariant.id}: "${invariant.event}" is not available at step ${i} (${JSON.stringify(c.value)}), before "${invariant.until.tag}"`,
          );
        }
      }
    }
  }
  return broken;
}

/** Every active state path of a state value, ancestors first: {a: {b: "c"}} -> a, a.b, a.b.c. */
export function activeStates(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix === '' ? value : `${prefix}.${value}`];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [path, ...activeStates(child, path)];
  });
}

/** Every event the case's current states handle, whoever may send it. */
export function eventsHandled(compiled: CompiledProtocol, c: CaseState): string[] {
  const actor = { userId: 'invariant-check', role: 'caseworker' as const, country: c.country };
  return availableActions(compiled, c, actor).map((a) => a.event);
}
