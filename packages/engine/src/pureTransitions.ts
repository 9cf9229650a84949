import {
  createActor,
  type ActionExecutor,
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventObject,
} from 'xstate';

/** An action XState resolved and left for the caller to execute, as `transition` returns it. */
export type ResolvedAction = Parameters<ActionExecutor>[0];

/** XState's pure transition functions for one machine. */
export interface PureTransitions {
  /** What xstate's `initialTransition(machine)` returns. */
  initial(): [AnyMachineSnapshot, ResolvedAction[]];
  /** What xstate's `transition(machine, snapshot, event)` returns. */
  transition(snapshot: AnyMachineSnapshot, event: EventObject): [AnyMachineSnapshot, ResolvedAction[]];
}

/**
 * XState's pure `transition` and `initialTransition` for `machine`, computed by the machine's own
 * transition function (`machine.transition(snapshot, event, actorScope)`, the ActorLogic
 * contract) with one inert actor scope made once, instead of a new one per call.
 *
 * xstate's exported `transition()` builds a throwaway actor for every call, and the Actor
 * constructor computes the machine's initial snapshot: for a protocol of 45 states that is about
 * half the time of the call (`npm run bench:engine` prints both). The scope here is what xstate
 * builds each time: an actor that is never started, and an action executor that collects the
 * actions instead of running them, so nothing is scheduled, spawned or sent. Reusing it is sound
 * for machines that spawn and invoke nothing, which compileProtocol guarantees (protocol actions
 * are data the engine carries out itself); a test compares both ways on every shipped protocol.
 *
 * Not re-entrant: a guard must not call back into the same machine's transitions (the engine's
 * guards are JSON Logic over data, which cannot).
 */
export function createPureTransitions(machine: AnyStateMachine): PureTransitions {
  // The actor is only the scope's `self`: never started, so it runs nothing and receives nothing.
  const self = createActor(machine);
  let collected: ResolvedAction[] = [];
  const noop = () => {};
  const scope: AnyActorScope = {
    self,
    id: '',
    sessionId: '',
    logger: noop,
    defer: noop,
    emit: noop,
    system: self.system,
    stopChild: noop,
    actionExecutor: (action) => {
      collected.push(action);
    },
  };
  return {
    initial() {
      const actions: ResolvedAction[] = (collected = []);
      const snapshot = machine.getInitialSnapshot(scope, undefined) as AnyMachineSnapshot;
      return [snapshot, actions];
    },
    transition(snapshot, event) {
      const actions: ResolvedAction[] = (collected = []);
      const next = machine.transition(snapshot, event, scope) as AnyMachineSnapshot;
      return [next, actions];
    },
  };
}
