/**
 * The engine computes XState transitions through one inert actor scope per protocol instead of
 * xstate's exported `transition()`, which builds a new one per call. This checks, on every
 * shipped protocol and variant, from every reachable configuration, for every event a state
 * there handles (timer and done events included) and under many guard outcomes, that both give
 * the same next state, status, history and actions in the same order, and that the shared scope
 * keeps no trace of earlier calls.
 */
import { compileProtocol, createPureTransitions, type CompiledProtocol } from '@ruta/engine';
import { exploreStateSpace, type GuardScope } from '@ruta/protocol';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { shippedProtocols } from './support/shippedProtocols.js';

const { protocols } = shippedProtocols();

/** What a caller can observe of a transition's result. */
function observable(snapshot: AnyMachineSnapshot, actions: readonly { type: string; params?: unknown }[]) {
  return {
    value: snapshot.value,
    status: snapshot.status,
    historyValue: Object.fromEntries(
      Object.entries(snapshot.historyValue ?? {}).map(([id, nodes]) => [id, nodes.map((n) => n.id)]),
    ),
    children: Object.keys(snapshot.children),
    // Markers are compared by identity: the engine reads them back from the params.
    actions: actions.map((a) => ({ type: a.type, params: a.params })),
  };
}

/**
 * Guard scopes that make guards come out both ways: no data at all, then each form's examples
 * as the submission, over the case data of every form's first example and over none.
 */
function scopes(compiled: CompiledProtocol): GuardScope[] {
  const forms = Object.values(compiled.protocol.forms);
  const everyForm: Record<string, unknown> = {};
  for (const f of forms) if (f.examples?.[0]) everyForm[f.id] = f.examples[0];
  const out: GuardScope[] = [{ case: {}, form: undefined }];
  for (const f of forms)
    for (const example of f.examples ?? []) {
      out.push({ case: {}, form: example });
      out.push({ case: everyForm, form: example });
    }
  return out;
}

describe('XState through one inert scope gives what xstate.transition() gives', () => {
  it('finds the protocols', () => expect(protocols.length).toBeGreaterThanOrEqual(9));

  for (const { ref, protocol } of protocols) {
    it(`${ref}: same initial transition, and the same transition from every configuration`, () => {
      const compiled = compileProtocol(protocol);
      const pure = createPureTransitions(compiled.machine);
      const [init, initActions] = pure.initial();
      const [expectedInit, expectedInitActions] = initialTransition(compiled.machine);
      expect(observable(init, initActions)).toEqual(observable(expectedInit, expectedInitActions));

      const space = exploreStateSpace(protocol);
      expect(space.complete).toBe(true);
      const allScopes = scopes(compiled);
      let compared = 0;
      let moved = 0;
      for (const node of space.nodes) {
        const conf = compiled.runtime.configuration(node.value);
        for (const event of conf.candidates.keys()) {
          for (const scope of allScopes) {
            compiled.runtime.begin(scope);
            const [expected, expectedActions] = transition(compiled.machine, conf.snapshot, { type: event });
            compiled.runtime.begin(scope);
            const [actual, actions] = pure.transition(conf.snapshot, { type: event });
            expect(observable(actual, actions), `${node.key} on ${event}`).toEqual(
              observable(expected, expectedActions),
            );
            compared++;
            if (JSON.stringify(actual.value) !== node.key) moved++;
          }
        }
      }
      // The comparison saw transitions taken, not only events ignored.
      expect(compared).toBeGreaterThan(space.nodes.length);
      expect(moved).toBeGreaterThan(space.nodes.length / 2);
    }, 120_000);
  }
});
