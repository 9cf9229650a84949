import { checkInvariants } from './checkInvariants.js';
import { exploreStateSpace, type ExploreOptions, type StateSpace } from './exploreStateSpace.js';
import { escapePointer } from './stateTree.js';
import { malformedParts, statechartTexts } from './statechartTexts.js';
import { verifyAnchorsRecorded, verifyDeadlineAnchors } from './verifyDeadlineAnchors.js';
import { verifyForm } from './verifyForm.js';
import { verifyGuardVariables } from './verifyGuardVariables.js';
import { verifyInvariantTags } from './verifyInvariantTags.js';
import { verifyReachability } from './verifyReachability.js';
import { verifyStateTree } from './verifyStateTree.js';
import { verifyTransitions } from './verifyTransitions.js';
import { verifyUnused } from './verifyUnused.js';
import type { FormDefinition, Problem, ResolvedProtocol, Text } from './types.js';

export interface VerifyOptions extends ExploreOptions {
  /** The file the protocol comes from, put in every problem's location. */
  file?: string;
  /** An exploration already made of this protocol, to reuse (e.g. also for invariantReport). */
  space?: StateSpace;
  /**
   * Forms already verified on their own (e.g. from their files in forms/): an embedded form equal
   * to one of these is not checked again, so its problems are reported once, against its file.
   */
  verifiedForms?: Record<string, FormDefinition>;
}

/**
 * Problems that would make the statechart walk somewhere other than where the shape says
 * (or not run at all): while any remains, reachability and invariants are not checked.
 */
const BLOCKING = new Set([
  'no-states',
  'unknown-initial-state',
  'missing-initial-state',
  'children-on-leaf-state',
  'compound-without-children',
  'duplicate-state-id',
  'unknown-target',
  'numeric-delay-name',
]);

/**
 * Every problem of a resolved protocol, each with where it is and what to do: the shape of the
 * statechart, names it uses that do not exist, forms, the data guards read, the fields deadlines
 * count from, unused definitions (warnings), and, by exploring every reachable configuration,
 * unreachable states, dead ends, deadlines that can start before the form they count from is
 * recorded, and the invariants in force. An empty list means the protocol verifies.
 *
 * @example
 *   const problems = verifyProtocol(resolved, { file: 'workflows/child-repatriation.v1.json' });
 *   const ok = problems.every((p) => p.severity === 'warning');
 */
export function verifyProtocol(protocol: ResolvedProtocol, options: VerifyOptions = {}): Problem[] {
  const shape = verifyShape(protocol);
  const problems: Problem[] =
    shape.length > 0
      ? shape
      : [
          ...verifyStateTree(protocol),
          ...verifyTransitions(protocol),
          ...verifyEmbeddedForms(protocol, options.verifiedForms),
          ...verifyGuardVariables(protocol),
          ...verifyDeadlineAnchors(protocol),
          ...verifyUnused(protocol),
          ...verifyInvariantTags(protocol),
        ];
  if (shape.length > 0) {
    // Nothing more can be said of a protocol without a statechart.
  } else if (problems.some((p) => BLOCKING.has(p.code))) {
    problems.push({
      code: 'behaviour-not-checked',
      location: { pointer: '/machine' },
      severity: 'warning',
      ...statechartTexts.behaviourNotChecked(),
    });
  } else {
    const space = options.space ?? exploreStateSpace(protocol, options);
    problems.push(
      ...space.problems,
      ...verifyReachability(protocol, space),
      ...verifyAnchorsRecorded(protocol, space),
      ...checkInvariants(protocol, space),
    );
  }
  return options.file === undefined
    ? problems
    : problems.map((p) => ({ ...p, location: { file: options.file, ...p.location } }));
}

/** Whether a list of problems lets the protocol through: warnings only. */
export function verifyPassed(problems: readonly Problem[]): boolean {
  return problems.every((p) => p.severity === 'warning');
}

/**
 * The least a protocol must be to be verified at all: an object with a statechart whose states
 * are objects, all the way down. A draft that is not gets one problem per place it breaks.
 */
function verifyShape(protocol: ResolvedProtocol): Problem[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const problem = (pointer: string, what: Text): Problem => ({
    code: 'protocol-malformed',
    location: { pointer },
    ...statechartTexts.protocolMalformed(what),
  });
  if (!isObject(protocol)) return [problem('', malformedParts.notAnObject)];
  if (!isObject(protocol.machine)) return [problem('/machine', malformedParts.noMachine)];
  const problems: Problem[] = [];
  const visit = (states: unknown, pointer: string) => {
    if (!isObject(states)) return void problems.push(problem(pointer, malformedParts.statesNotNamed));
    for (const [key, state] of Object.entries(states)) {
      const at = `${pointer}/${escapePointer(key)}`;
      if (!isObject(state)) problems.push(problem(at, malformedParts.stateNotAnObject(key)));
      else if (state.states !== undefined) visit(state.states, `${at}/states`);
    }
  };
  visit(protocol.machine.states, '/machine/states');
  return problems;
}

function verifyEmbeddedForms(
  protocol: ResolvedProtocol,
  verified: Record<string, FormDefinition> | undefined,
): Problem[] {
  return Object.entries(protocol.forms ?? {}).flatMap(([id, form]) => {
    const known = verified && Object.hasOwn(verified, id) ? verified[id] : undefined;
    if (known !== undefined && JSON.stringify(known) === JSON.stringify(form)) return [];
    return verifyForm(form, { pointer: `/forms/${escapePointer(id)}` });
  });
}
