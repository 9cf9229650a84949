import type { CaseState, StateValue } from '@ruta/engine';
import type { CaseStateFields } from '../db/repositories/caseRepository.js';
import { NO_DUE } from '../db/schemas/caseSchema.js';

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

/** The stored fields of a case state: what the worklist, scheduler and statistics query on. */
export function caseFields(state: CaseState): CaseStateFields {
  const active = state.status === 'active';
  const nextDue = active ? earliest(state.deadlines.map((d) => d.dueAt)) : null;
  const states = leafPaths(state.value);
  return {
    status: state.status,
    value: state.value,
    states,
    stage: (states[0] ?? '').split('.')[0] ?? '',
    seq: state.seq,
    head: state.head,
    nextDue,
    dueKey: nextDue ?? NO_DUE,
    nextTimer: active ? earliest(state.timers.map((t) => t.dueAt)) : null,
    profile: {
      originCountry: state.profile.originCountry ?? null,
      sex: state.profile.sex ?? null,
      ageGroup: state.profile.ageGroup ?? null,
      exploitation: state.profile.exploitation ?? null,
    },
    state: JSON.stringify(state),
    protocolId: state.protocol.id,
    protocolVersion: state.protocol.version,
    protocolJurisdiction: state.protocol.jurisdiction,
    updatedAt: state.updatedAt,
  };
}
