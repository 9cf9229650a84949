import type { BilingualText } from './problemText.js';
import { escapePointer, listStates, listTransitions } from './stateTree.js';
import { transitionTexts as texts } from './transitionTexts.js';
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
  const warn = (code: string, pointer: string, text: BilingualText, extra: { form?: string } = {}) =>
    problems.push({ code, location: { pointer, ...extra }, ...text, severity: 'warning' });

  for (const name of Object.keys(protocol.guards ?? {})) {
    if (!guards.has(name)) warn('unused-guard', `/guards/${escapePointer(name)}`, texts.unusedGuard(name));
  }
  for (const name of Object.keys(protocol.events ?? {})) {
    if (!events.has(name)) warn('unused-event', `/events/${escapePointer(name)}`, texts.unusedEvent(name));
  }
  for (const name of Object.keys(protocol.delays ?? {})) {
    if (!events.has(`after:${name}`))
      warn('unused-delay', `/delays/${escapePointer(name)}`, texts.unusedDelay(name));
  }
  for (const name of Object.keys(protocol.forms ?? {})) {
    if (!forms.has(name))
      warn('unused-form', `/forms/${escapePointer(name)}`, texts.unusedForm(name), { form: name });
  }
  return problems;
}
