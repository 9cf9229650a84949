import type { CaseState, StateValue } from '@ruta/engine';
import { NO_DUE, type CaseCurrent } from '../db/schemas/caseSchema.js';

/** Dotted paths of the active leaf states of a state value: {a: {b: "c"}} -> ["a.b.c"]. */
export function leafPaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value))
    out.push(...leafPaths(child, prefix ? `${prefix}.${key}` : key));
  return out;
}

function earliest(instants: string[]): string | null {
  let min: string | null = null;
  for (const i of instants) if (min === null || i < min) min = i;
  return min;
}

/** The stored current state of a case: what the worklist, scheduler and statistics query on. seq first (see CaseCurrent). */
export function caseFields(state: CaseState): CaseCurrent {
  const active = state.status === 'active';
  const nextDue = active ? earliest(state.deadlines.map((d) => d.dueAt)) : null;
  const states = leafPaths(state.value);
  return {
    seq: state.seq,
    head: state.head,
    status: state.status,
    value: state.value,
    states,
    stage: (states[0] ?? '').split('.')[0] ?? '',
    nextDue,
    dueKey: nextDue ?? NO_DUE,
    nextTimer: active ? earliest(state.timers.map((t) => t.dueAt)) : null,
    profile: {
      originCountry: state.profile.originCountry ?? null,
      sex: state.profile.sex ?? null,
      ageGroup: state.profile.ageGroup ?? null,
      exploitation: state.profile.exploitation ?? null,
    },
    protocolId: state.protocol.id,
    protocolVersion: state.protocol.version,
    protocolJurisdiction: state.protocol.jurisdiction,
    updatedAt: state.updatedAt,
    state: JSON.stringify(state),
  };
}
