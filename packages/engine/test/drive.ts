/**
 * Drives a case through commands and keeps its history: shared by the engine tests. Not a test file.
 */
import { expect } from 'vitest';
import {
  openCase,
  step,
  type Actor,
  type CaseState,
  type CompiledProtocol,
  type EngineDeps,
  type EventRecord,
  type StepResult,
} from '../src/index.js';
import { caseworker } from './fixtures.js';

export interface Driven {
  case: CaseState;
  history: EventRecord[];
  /** Sends a command that must be accepted; returns the step's result. */
  ok(event: string, data?: unknown, actor?: Actor): Extract<StepResult, { ok: true }>;
  /** Sends a command that must be rejected; returns the reasons. */
  no(event: string, data?: unknown, actor?: Actor): Extract<StepResult, { ok: false }>['reasons'];
}

export function drive(
  compiled: CompiledProtocol,
  deps: EngineDeps,
  id = 'case-1',
  actor: Actor = caseworker,
): Driven {
  const opened = openCase(compiled, { id, country: 'GT', actor }, deps);
  const d: Driven = {
    case: opened.case,
    history: [opened.event],
    ok(event, data, who = caseworker) {
      const r = step(
        compiled,
        d.case,
        data === undefined ? { event, actor: who } : { event, data, actor: who },
        deps,
      );
      if (!r.ok) expect.fail(`${event} was rejected: ${JSON.stringify(r.reasons, null, 2)}`);
      d.case = r.case;
      d.history.push(r.event);
      return r;
    },
    no(event, data, who = caseworker) {
      const r = step(
        compiled,
        d.case,
        data === undefined ? { event, actor: who } : { event, data, actor: who },
        deps,
      );
      if (r.ok) expect.fail(`${event} was accepted, to ${JSON.stringify(r.case.value)}`);
      return r.reasons;
    },
  };
  return d;
}
