import { listStates, type StateEntry } from './stateTree.js';
import { verifyActions } from './verifyActions.js';
import { didYouMean } from './verifyDidYouMean.js';
import { verifyRoles } from './verifyRoles.js';
import type { Problem, ResolvedProtocol } from './types.js';

/**
 * Problems of the shape of the statechart and of each state's metadata: initial states that do
 * not exist, parallel states without regions, children under atomic or final states, states
 * without a legal reference, deadlines that are not positive, forms and roles that do not exist,
 * delayed transitions on final states, and the state's entry/exit actions.
 */
export function verifyStateTree(protocol: ResolvedProtocol): Problem[] {
  const problems: Problem[] = [];
  const machine = protocol.machine;
  const topKeys = Object.keys(machine.states ?? {});
  if (topKeys.length === 0) {
    problems.push({
      code: 'no-states',
      location: { pointer: '/machine/states' },
      message: 'The protocol has no states.',
      hint: 'Add the steps of the protocol under machine.states, starting with the first one (machine.initial).',
    });
  } else if (!topKeys.includes(machine.initial)) {
    problems.push({
      code: 'unknown-initial-state',
      location: { pointer: '/machine/initial' },
      message: `The protocol starts in "${machine.initial}", but there is no such top-level state.`,
      hint: `Set machine.initial to the first step, one of: ${topKeys.join(', ')}.${didYouMean(machine.initial ?? '', topKeys)}`,
    });
  }

  const ids = new Map<string, string>();
  for (const entry of listStates(machine)) {
    problems.push(...verifyState(protocol, entry));
    const id = entry.state.id;
    if (id !== undefined) {
      const other = ids.get(id);
      if (other !== undefined) {
        problems.push({
          code: 'duplicate-state-id',
          location: { pointer: `${entry.pointer}/id`, state: entry.path },
          message: `States "${other}" and "${entry.path}" both have the id "${id}", so "#${id}" is ambiguous.`,
          hint: 'Give each state a different id, or remove the id of one of them.',
        });
      } else ids.set(id, entry.path);
    }
  }
  return problems;
}

function verifyState(protocol: ResolvedProtocol, entry: StateEntry): Problem[] {
  const problems: Problem[] = [];
  const { state, path, pointer } = entry;
  const at = (suffix = '') => ({ pointer: `${pointer}${suffix}`, state: path });
  const children = Object.keys(state.states ?? {});
  const type = state.type ?? (children.length > 0 ? 'compound' : 'atomic');

  if (type === 'parallel' && children.length < 2) {
    problems.push({
      code: 'parallel-needs-regions',
      location: at('/states'),
      message: `Parallel state "${path}" has ${children.length} region${children.length === 1 ? '' : 's'}; steps that run at the same time need at least two.`,
      hint: 'Add a second region (a child state with its own steps), or make the state "compound" if its steps happen one after another.',
    });
  }
  if ((type === 'atomic' || type === 'final') && children.length > 0) {
    problems.push({
      code: 'children-on-leaf-state',
      location: at('/states'),
      message: `State "${path}" is ${type === 'final' ? 'final' : 'atomic'} but has steps inside it (${children.join(', ')}).`,
      hint:
        type === 'final'
          ? 'A final state ends its part of the protocol: move the inner steps to a state before it, or remove "type": "final".'
          : 'Remove "type": "atomic" (a state with steps inside is "compound"), or move the inner steps out.',
    });
  }
  if (type === 'compound') {
    if (children.length === 0) {
      problems.push({
        code: 'compound-without-children',
        location: at('/type'),
        message: `State "${path}" is compound but has no steps inside it.`,
        hint: 'Add the inner steps under "states", or remove "type": "compound".',
      });
    } else if (state.initial === undefined) {
      problems.push({
        code: 'missing-initial-state',
        location: at(),
        message: `State "${path}" has steps inside it but does not say which comes first.`,
        hint: `Set "initial" to one of: ${children.join(', ')}.`,
      });
    } else if (!children.includes(state.initial)) {
      problems.push({
        code: 'unknown-initial-state',
        location: at('/initial'),
        message: `State "${path}" starts at "${state.initial}", which is not one of its steps.`,
        hint: `Set "initial" to one of: ${children.join(', ')}.${didYouMean(state.initial, children)}`,
      });
    }
  }

  const legal = state.meta?.legal;
  if (!Array.isArray(legal) || legal.length === 0) {
    problems.push({
      code: 'missing-legal-reference',
      location: at('/meta/legal'),
      message: `State "${path}" cites no legal source, so auditors cannot trace it to the regional guidelines.`,
      hint: 'Add the seed clause this step implements to meta.legal, e.g. {"seed": "004", "clause": "B.3"}, and in a national variant the article of national law.',
    });
  }
  const deadline = state.meta?.deadline;
  if (deadline !== undefined && !(typeof deadline?.hours === 'number' && deadline.hours > 0)) {
    problems.push({
      code: 'deadline-not-positive',
      location: at('/meta/deadline/hours'),
      message: `State "${path}" has a deadline of ${String(deadline?.hours)} hours; a deadline must leave some time to do the step.`,
      hint: 'Set the deadline to a number of hours greater than 0, or remove it if the step has no time limit.',
    });
  }
  const form = state.meta?.form;
  if (form !== undefined && !Object.hasOwn(protocol.forms ?? {}, form)) {
    const forms = Object.keys(protocol.forms ?? {});
    problems.push({
      code: 'unknown-form',
      location: { ...at('/meta/form'), form },
      message: `State "${path}" uses form "${form}", which the protocol does not include.`,
      hint: `Add form "${form}" to forms/, or use one of: ${forms.join(', ') || '(none yet)'}.${didYouMean(form, forms)}`,
    });
  }
  problems.push(...verifyRoles(state.meta?.roles, at('/meta/roles')));

  if (type === 'final') {
    if (state.after && Object.keys(state.after).length > 0) {
      problems.push({
        code: 'delay-on-final-state',
        location: at('/after'),
        message: `Final state "${path}" has a timed transition; nothing happens after a final state.`,
        hint: 'Remove "after" from the final state, or make the state non-final if the case must move on when the time runs out.',
      });
    }
    if (entry.parent === null && state.on && Object.keys(state.on).length > 0) {
      problems.push({
        code: 'event-on-final-state',
        location: at('/on'),
        message: `Final state "${path}" closes the case, so its events (${Object.keys(state.on).join(', ')}) can never be sent.`,
        hint: 'Remove "on" from the final state, or add a non-final state (e.g. follow-up) where those events apply.',
      });
    }
  }
  problems.push(
    ...verifyActions(protocol, state.entry, { pointer: `${pointer}/entry`, state: path, source: state }),
  );
  problems.push(
    ...verifyActions(protocol, state.exit, { pointer: `${pointer}/exit`, state: path, source: state }),
  );
  return problems;
}
