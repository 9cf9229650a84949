import { escapePointer, getState, listStates, listTransitions, resolveTarget } from './stateTree.js';
import { transitionTexts as texts } from './transitionTexts.js';
import { verifyActions } from './verifyActions.js';
import { nearestName } from './nearestName.js';
import { verifyRoles } from './verifyRoles.js';
import { stateLabel } from './verifyStateLabel.js';
import type { MachineConfig, Problem, ResolvedProtocol, Text } from './types.js';

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
          ...texts.numericDelayName(from, delay),
        });
      }
      if (!Object.hasOwn(protocol.delays ?? {}, delay) && once(`delay:${t.source}:${delay}`)) {
        problems.push({
          code: 'unknown-delay',
          location: { pointer: `${statePointer}/after/${escapePointer(delay)}`, state: t.source },
          ...texts.unknownDelay(from, delay, delays, nearestName(delay, delays)),
        });
      }
    } else if (t.event === 'done') {
      if (source && Object.keys(source.states ?? {}).length === 0 && once(`done:${t.source}`)) {
        problems.push({
          code: 'done-never-taken',
          location: { pointer: `${statePointer}/onDone`, state: t.source },
          ...texts.doneNeverTaken(from),
        });
      }
    } else if (!Object.hasOwn(protocol.events ?? {}, t.event) && once(`event:${t.source}:${t.event}`)) {
      problems.push({
        code: 'unknown-event',
        location: { pointer: `${statePointer}/on/${escapePointer(t.event)}`, state: t.source },
        ...texts.unknownEvent(from, t.event, events, nearestName(t.event, events)),
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
        ...texts.unknownTarget(
          from,
          texts.eventPhrase(t.event),
          JSON.stringify(target),
          targetHint(machine, t.source, String(target)),
        ),
      });
    }
    const guard: unknown = t.transition?.guard;
    if (guard !== undefined && (typeof guard !== 'string' || !Object.hasOwn(protocol.guards ?? {}, guard))) {
      problems.push({
        code: 'unknown-guard',
        location: { ...location, pointer: `${t.pointer}/guard` },
        ...texts.unknownGuard(
          from,
          texts.eventPhrase(t.event),
          JSON.stringify(guard),
          guards,
          nearestName(String(guard), guards),
        ),
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

/**
 * How to write the intended target: the nearest state by name, written as the source must
 * reference it (a sibling by key, a child as ".key", anything else as "#machine.path").
 */
function targetHint(machine: MachineConfig, source: string, target: string): Text {
  const wanted = target.replace(/^[#.]/, '').split('.').pop() ?? target;
  const states = listStates(machine);
  const near = nearestName(wanted, [...new Set(states.map((s) => s.key))]);
  if (near === undefined) return texts.targetHint(machine.id, undefined);
  const parent = source.includes('.') ? source.slice(0, source.lastIndexOf('.')) : '';
  const candidates = states.filter((s) => s.key === near);
  const written = candidates.map((s) => {
    if ((s.parent ?? '') === parent && source !== '') return s.key;
    if (source === '' && s.parent === null) return s.key;
    if (s.parent === source && source !== '') return `.${s.key}`;
    return `#${machine.id}.${s.path}`;
  });
  return texts.targetHint(machine.id, written.find((w) => !w.startsWith('#')) ?? written[0]);
}
