import type { ProtocolDiff } from './ProtocolDiff.js';
import { isDiffEmpty } from './diffProtocols.js';
import type { Lang, TransitionConfig } from './types.js';

const WORDS = {
  es: {
    none: 'Sin diferencias.',
    protocol: 'Protocolo',
    states: 'Estados',
    transitions: 'Transiciones',
    guards: 'Condiciones',
    events: 'Eventos',
    delays: 'Plazos',
    invariants: 'Invariantes',
    forms: 'Formularios',
    fields: 'campos',
    root: '(máquina)',
    changed: 'cambia',
  },
  en: {
    none: 'No differences.',
    protocol: 'Protocol',
    states: 'States',
    transitions: 'Transitions',
    guards: 'Guards',
    events: 'Events',
    delays: 'Delays',
    invariants: 'Invariants',
    forms: 'Forms',
    fields: 'fields',
    root: '(machine)',
    changed: 'changed',
  },
} as const;

/**
 * A diff as text for people: one line per difference, "+" added, "-" removed, "~" changed,
 * with state titles in the language asked for.
 *
 * @example
 *   formatDiff(diffProtocols(a, b), 'en')
 *   // child-repatriation@1 -> child-repatriation-gt@1
 *   // States
 *   //   ~ protection.consularNotification "Consular notification": institution, deadline
 */
export function formatDiff(diff: ProtocolDiff, lang: Lang): string {
  const w = WORDS[lang];
  const lines = [`${diff.from.id}@${diff.from.version} -> ${diff.to.id}@${diff.to.version}`];
  if (isDiffEmpty(diff)) return [...lines, w.none].join('\n');
  if (diff.protocol.length > 0) lines.push(`${w.protocol}: ${w.changed} ${diff.protocol.join(', ')}`);

  const section = (title: string, body: string[]) => {
    if (body.length > 0) lines.push(title, ...body.map((l) => `  ${l}`));
  };
  const s = diff.states;
  section(w.states, [
    ...s.added.map((x) => `+ ${x.path} "${x.title[lang]}"`),
    ...s.removed.map((x) => `- ${x.path} "${x.title[lang]}"`),
    ...s.changed.map((x) => `~ ${x.path} "${x.title[lang]}": ${x.changes.join(', ')}`),
  ]);
  const t = diff.transitions;
  const where = (x: { source: string; event: string; index: number }) =>
    `${x.source || w.root} ${x.event}[${x.index}]`;
  const arrow = (x: TransitionConfig) =>
    `${x.target ? ` -> ${x.target}` : ''}${x.guard ? ` [${x.guard}]` : ''}`;
  section(w.transitions, [
    ...t.added.map((x) => `+ ${where(x)}${arrow(x.transition)}`),
    ...t.removed.map((x) => `- ${where(x)}${arrow(x.transition)}`),
    ...t.changed.map(
      (x) =>
        `~ ${where(x)}: ${x.changes.join(', ')}${arrow(x.before) !== arrow(x.after) ? ` (${arrow(x.before).trim() || '-'} => ${arrow(x.after).trim() || '-'})` : ''}`,
    ),
  ]);
  const named = (
    title: string,
    d: { added: string[]; removed: string[]; changed: { name: string; changes: string[] }[] },
  ) =>
    section(title, [
      ...d.added.map((n) => `+ ${n}`),
      ...d.removed.map((n) => `- ${n}`),
      ...d.changed.map((c) => `~ ${c.name}: ${c.changes.join(', ')}`),
    ]);
  named(w.guards, diff.guards);
  named(w.events, diff.events);
  named(w.delays, diff.delays);
  named(w.invariants, diff.invariants);
  const f = diff.forms;
  section(w.forms, [
    ...f.added.map((id) => `+ ${id}`),
    ...f.removed.map((id) => `- ${id}`),
    ...f.changed.flatMap((c) => [
      `~ ${c.id}${c.changes.length > 0 ? `: ${c.changes.join(', ')}` : ''}`,
      ...c.fields.added.map((p) => `    + ${p}`),
      ...c.fields.removed.map((p) => `    - ${p}`),
      ...c.fields.changed.map((x) => `    ~ ${x.path}: ${x.changes.join(', ')}`),
    ]),
  ]);
  return lines.join('\n');
}
