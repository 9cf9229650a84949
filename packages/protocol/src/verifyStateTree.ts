import { listStates, type StateEntry } from './stateTree.js';
import { verifyActions } from './verifyActions.js';
import { nearestName } from './nearestName.js';
import { statechartTexts as texts } from './statechartTexts.js';
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
      ...texts.noStates(),
    });
  } else if (!topKeys.includes(machine.initial)) {
    problems.push({
      code: 'unknown-initial-state',
      location: { pointer: '/machine/initial' },
      ...texts.unknownInitialStateOfMachine(
        String(machine.initial),
        topKeys,
        nearestName(String(machine.initial ?? ''), topKeys),
      ),
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
          ...texts.duplicateStateId(other, entry.path, id),
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
      ...texts.parallelNeedsRegions(path, children.length),
    });
  }
  if ((type === 'atomic' || type === 'final') && children.length > 0) {
    problems.push({
      code: 'children-on-leaf-state',
      location: at('/states'),
      ...texts.childrenOnLeafState(path, type, children),
    });
  }
  if (type === 'compound') {
    if (children.length === 0) {
      problems.push({
        code: 'compound-without-children',
        location: at('/type'),
        ...texts.compoundWithoutChildren(path),
      });
    } else if (state.initial === undefined) {
      problems.push({
        code: 'missing-initial-state',
        location: at(),
        ...texts.missingInitialState(path, children),
      });
    } else if (!children.includes(state.initial)) {
      problems.push({
        code: 'unknown-initial-state',
        location: at('/initial'),
        ...texts.unknownInitialStateOfState(
          path,
          state.initial,
          children,
          nearestName(String(state.initial), children),
        ),
      });
    }
  }

  const legal = state.meta?.legal;
  if (!Array.isArray(legal) || legal.length === 0) {
    problems.push({
      code: 'missing-legal-reference',
      location: at('/meta/legal'),
      ...texts.missingLegalReference(path),
    });
  }
  const deadline = state.meta?.deadline;
  if (deadline !== undefined && !(typeof deadline?.hours === 'number' && deadline.hours > 0)) {
    problems.push({
      code: 'deadline-not-positive',
      location: at('/meta/deadline/hours'),
      ...texts.deadlineNotPositiveOfState(path, String(deadline?.hours)),
    });
  }
  const form = state.meta?.form;
  if (form !== undefined && !Object.hasOwn(protocol.forms ?? {}, form)) {
    const forms = Object.keys(protocol.forms ?? {});
    problems.push({
      code: 'unknown-form',
      location: { ...at('/meta/form'), form },
      ...texts.unknownFormOfState(path, form, forms, nearestName(String(form), forms)),
    });
  }
  problems.push(...verifyRoles(state.meta?.roles, at('/meta/roles')));

  if (type === 'final') {
    if (state.after && Object.keys(state.after).length > 0) {
      problems.push({
        code: 'delay-on-final-state',
        location: at('/after'),
        ...texts.delayOnFinalState(path),
      });
    }
    if (entry.parent === null && state.on && Object.keys(state.on).length > 0) {
      problems.push({
        code: 'event-on-final-state',
        location: at('/on'),
        ...texts.eventOnFinalState(path, Object.keys(state.on)),
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
