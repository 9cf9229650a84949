import {
  escapePointer,
  getState,
  listStates,
  listTransitions,
  resolveTarget,
  type TransitionEntry,
} from './stateTree.js';
import { verifyActions } from './verifyActions.js';
import { nearestName } from './nearestName.js';
import { didYouMean } from './verifyDidYouMean.js';
import { verifyRoles } from './verifyRoles.js';
import { stateLabel } from './verifyStateLabel.js';
import type { MachineConfig, Problem, ResolvedProtocol } from './types.js';

/**
 * Problems of every transition: targets that name no state (with the nearest existing name),
 * events, guards and delays the protocol does not define, unknown roles, onDone on a state that
 * can never be done, and the transition's actions.
 */
export function verifyTransitions(protocol: ResolvedProtocol): Problem[] {
  const problems: Problem[] = [];
  const machine = protocol.machine;
  const statePointers = new Map<string, string>([['', '/machine']]);
  for (const s of listStates(machine)) statePointers.set(s.path, s.pointer);
  const events = Object.keys(protocol.events ?? {});
  const guards = Object.keys(protocol.guards ?? {});
  const delays = Object.keys(protocol.delays ?? {});
  const reported = new Set<string>();
  const once = (key: string) => !reported.has(key) && Boolean(reported.add(key));

  for (const t of listTransitions(machine)) {
    const statePointer = statePointers.get(t.source) ?? '/machine';
    const source = t.source === '' ? undefined : getState(machine, t.source);
    const from = stateLabel(machine, t.source);
    const location = { pointer: t.pointer, state: t.source };

    if (t.event.startsWith('after:')) {
      const delay = t.event.slice('after:'.length);
      if (delay.trim() !== '' && !Number.isNaN(Number(delay)) && once(`numeric:${t.source}:${delay}`)) {
        problems.push({
          code: 'numeric-delay-name',
          location: { pointer: `${statePointer}/after/${escapePointer(delay)}`, state: t.source },
          message: `${from} waits for "${delay}": a number there is read as milliseconds, not as one of the protocol's delays.`,
          hint: `Name the delay with words (e.g. "consularNotification24h"), define it under "delays" with its hours, and use that name here.`,
        });
      }
      if (!Object.hasOwn(protocol.delays ?? {}, delay) && once(`delay:${t.source}:${delay}`)) {
        problems.push({
          code: 'unknown-delay',
          location: { pointer: `${statePointer}/after/${escapePointer(delay)}`, state: t.source },
          message: `${from} waits for "${delay}", which is not one of the protocol's delays.`,
          hint: `Define "${delay}" under "delays" with its number of hours, or use one of: ${delays.join(', ') || '(none yet)'}.${didYouMean(delay, delays)}`,
        });
      }
    } else if (t.event === 'done') {
      if (source && Object.keys(source.states ?? {}).length === 0 && once(`done:${t.source}`)) {
        problems.push({
          code: 'done-never-taken',
          location: { pointer: `${statePointer}/onDone`, state: t.source },
          message: `${from} has "onDone", but it has no inner steps, so it is never "done".`,
          hint: 'Use an event (under "on") to leave this state, or add inner steps ending in a final state.',
        });
      }
    } else if (!Object.hasOwn(protocol.events ?? {}, t.event) && once(`event:${t.source}:${t.event}`)) {
      problems.push({
        code: 'unknown-event',
        location: { pointer: `${statePointer}/on/${escapePointer(t.event)}`, state: t.source },
        message: `${from} reacts to event "${t.event}", which is not one of the protocol's events.`,
        hint: `Add "${t.event}" to "events" with its title in Spanish and English (it labels the button case workers press), or use one of: ${events.join(', ') || '(none yet)'}.${didYouMean(t.event, events)}`,
      });
    }

    const target: unknown = t.transition?.target;
    if (
      target !== undefined &&
      (typeof target !== 'string' || resolveTarget(machine, t.source, target) === null)
    ) {
      problems.push({
        code: 'unknown-target',
        location: { ...location, pointer: `${t.pointer}/target` },
        message: `A transition from ${from}${eventPhrase(t)} goes to ${JSON.stringify(target)}, which names no state.`,
        hint: targetHint(machine, t.source, String(target)),
      });
    }
    const guard: unknown = t.transition?.guard;
    if (guard !== undefined && (typeof guard !== 'string' || !Object.hasOwn(protocol.guards ?? {}, guard))) {
      problems.push({
        code: 'unknown-guard',
        location: { ...location, pointer: `${t.pointer}/guard` },
        message: `A transition from ${from}${eventPhrase(t)} is conditioned on ${JSON.stringify(guard)}, which is not one of the protocol's guards.`,
        hint: `Define it under "guards" (a JSON Logic condition and its description), or use one of: ${guards.join(', ') || '(none yet)'}.${didYouMean(String(guard), guards)}`,
      });
    }
    problems.push(...verifyRoles(t.transition?.roles, { pointer: `${t.pointer}/roles`, state: t.source }));
    problems.push(
      ...verifyActions(protocol, t.transition?.actions, {
        pointer: `${t.pointer}/actions`,
        state: t.source,
        source,
      }),
    );
  }
  return problems;
}

function eventPhrase(t: TransitionEntry): string {
  if (t.event === 'done') return ' when it is done';
  if (t.event.startsWith('after:')) return ` after "${t.event.slice('after:'.length)}"`;
  return ` on "${t.event}"`;
}

/**
 * How to write the intended target: the nearest state by name, written as the source must
 * reference it (a sibling by key, a child as ".key", anything else as "#machine.path").
 */
function targetHint(machine: MachineConfig, source: string, target: string): string {
  const wanted = target.replace(/^[#.]/, '').split('.').pop() ?? target;
  const states = listStates(machine);
  const near = nearestName(wanted, [...new Set(states.map((s) => s.key))]);
  const rules =
    'A target is a sibling state ("riskAssessment"), an inner step (".shelter"), or any state by its full path from the top ("#' +
    machine.id +
    '.decision.return").';
  if (near === undefined) return `Point the transition at an existing state. ${rules}`;
  const parent = source.includes('.') ? source.slice(0, source.lastIndexOf('.')) : '';
  const candidates = states.filter((s) => s.key === near);
  const written = candidates.map((s) => {
    if ((s.parent ?? '') === parent && source !== '') return s.key;
    if (source === '' && s.parent === null) return s.key;
    if (s.parent === source && source !== '') return `.${s.key}`;
    return `#${machine.id}.${s.path}`;
  });
  const best = written.find((w) => !w.startsWith('#')) ?? written[0];
  return `Did you mean "${best}"? ${rules}`;
}
