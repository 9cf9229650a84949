import jsonLogic from 'json-logic-js';
import { FORBIDDEN_KEYS, guardVariables, type JsonLogic } from '@ruta/protocol';

/**
 * The value of a profile mapping (JSON Logic over `{ case: data }`). Guards, which only say
 * yes or no, are @ruta/protocol's evaluateGuard; a profile field needs the value itself, which
 * that package does not offer, so json-logic-js is called here. Never throws: a mapping that
 * cannot be evaluated gives undefined.
 */
export function evaluateProfile(logic: JsonLogic, data: Record<string, unknown>): unknown {
  try {
    return jsonLogic.apply(logic, { case: data });
  } catch {
    return undefined;
  }
}

/** Why a profile mapping may not run (a path through a prototype key), or null. */
export function profileProblem(logic: JsonLogic): string | null {
  for (const path of guardVariables(logic)) {
    const bad = path.split(/[.[\]]/).find((segment) => FORBIDDEN_KEYS.includes(segment));
    if (bad) return `it reads "${path}", which goes through "${bad}"`;
  }
  return null;
}
