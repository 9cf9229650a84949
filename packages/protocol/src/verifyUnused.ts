import { escapePointer, listStates, listTransitions } from './stateTree.js';
import type { Problem, ResolvedProtocol } from './types.js';
import { listOf } from './verifyListOf.js';

/**
 * Warnings for guards, events, delays and forms the protocol defines but never uses: usually a
 * leftover, or a sign that a transition names the wrong one.
 */
export function verifyUnused(protocol: ResolvedProtocol): Problem[] {
  const transitions = listTransitions(protocol.machine);
  const guards = new Set(transitions.map((t) => t.transition?.guard).filter((g) => g !== undefined));
  const events = new Set(transitions.map((t) => t.event));
  const forms = new Set<string>();
  for (const s of listStates(protocol.machine)) {
    if (s.state.meta?.form) forms.add(s.state.meta.form);
    for (const a of [...listOf(s.state.entry), ...listOf(s.state.exit)])
      if (a?.type === 'recordForm' && a.params?.form) forms.add(a.params.form);
  }
  for (const t of transitions) {
    for (const a of listOf(t.transition?.actions))
      if (a?.type === 'recordForm' && a.params?.form) forms.add(a.params.form);
  }

  const problems: Problem[] = [];
  const warn = (
    code: string,
    pointer: string,
    message: string,
    hint: string,
    extra: { form?: string } = {},
  ) => problems.push({ code, location: { pointer, ...extra }, message, hint, severity: 'warning' });

  for (const name of Object.keys(protocol.guards ?? {})) {
    if (!guards.has(name))
      warn(
        'unused-guard',
        `/guards/${escapePointer(name)}`,
        `Guard "${name}" is defined but no transition uses it.`,
        'Use it on the transition it was meant for ("guard": "' + name + '"), or delete it.',
      );
  }
  for (const name of Object.keys(protocol.events ?? {})) {
    if (!events.has(name))
      warn(
        'unused-event',
        `/events/${escapePointer(name)}`,
        `Event "${name}" is defined but no state reacts to it, so its button never appears.`,
        `Add a transition on "${name}" where case workers need it, or delete the event.`,
      );
  }
  for (const name of Object.keys(protocol.delays ?? {})) {
    if (!events.has(`after:${name}`))
      warn(
        'unused-delay',
        `/delays/${escapePointer(name)}`,
        `Delay "${name}" is defined but no state waits for it.`,
        `Add "after": {"${name}": ...} to the state that must move on when the time runs out, or delete the delay.`,
      );
  }
  for (const name of Object.keys(protocol.forms ?? {})) {
    if (!forms.has(name))
      warn(
        'unused-form',
        `/forms/${escapePointer(name)}`,
        `Form "${name}" is part of the protocol but no step shows or records it.`,
        'Set it as the form of the state where it is filled (meta.form), or remove it from the protocol.',
        { form: name },
      );
  }
  return problems;
}
