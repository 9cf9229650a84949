import { escapePointer, listStates, listTransitions } from '@ruta/protocol';
import type { ActionConfig, LegalRef, Problem, Text } from '@ruta/protocol';
import type { DesignDoc } from './DesignDoc.js';
import { lintParts as parts, lintTexts as texts } from './lintTexts.js';
import { TAG } from './updateState.js';

/**
 * What the protocol file schemas require of what a designer types, which the static verifier
 * does not check: every text complete in both languages, legal references with their clause,
 * tags in kebab-case, deadlines named, a handover with the clause that allows it. The server refuses a draft that breaks these; here they
 * are found as the designer types, each pointing at its element, without Ajv (which the app's
 * Content-Security-Policy does not allow in the page).
 */
export function lintDesignDoc(doc: DesignDoc): Problem[] {
  const out: Problem[] = [];
  const text = (
    t: Text | undefined,
    pointer: string,
    what: Text,
    extra: Partial<Problem['location']> = {},
    optional = false,
  ) => {
    if (t === undefined) return;
    const es = typeof t.es === 'string' && t.es.trim() !== '';
    const en = typeof t.en === 'string' && t.en.trim() !== '';
    if (es && en) return;
    if (optional && !es && !en) return;
    out.push({
      code: 'text-incomplete',
      location: { pointer, ...extra },
      ...texts.textIncomplete(what, !es && !en ? 'both' : !es ? 'es' : 'en'),
    });
  };
  const actions = (
    list: ActionConfig[] | undefined,
    pointer: string,
    by: Text,
    extra: Partial<Problem['location']>,
  ) => {
    (list ?? []).forEach((a, i) => {
      const at = `${pointer}/${i}/params`;
      if (a.type === 'setDeadline') {
        text(a.params.title, `${at}/title`, parts.deadlineTitle(by), extra);
        if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(a.params.name))
          out.push({
            code: 'bad-deadline-name',
            location: { pointer: `${at}/name`, ...extra },
            ...texts.badDeadlineName(by, a.params.name),
          });
      }
      if (a.type === 'notifyFocalPoint') text(a.params.reason, `${at}/reason`, parts.noticeReason(by), extra);
    });
  };

  text(doc.title, '/title', parts.protocolTitle);
  text(doc.description, '/description', parts.protocolDescription, {}, true);
  for (const [name, e] of Object.entries(doc.events)) {
    text(e.title, `/events/${escapePointer(name)}/title`, parts.eventTitle(name));
    text(e.description, `/events/${escapePointer(name)}/description`, parts.eventDescription(name), {}, true);
  }
  for (const [name, g] of Object.entries(doc.guards))
    text(g.description, `/guards/${escapePointer(name)}/description`, parts.guardDescription(name));
  for (const s of listStates(doc.machine)) {
    const at = { state: s.path };
    const step = parts.step(s.path);
    text(s.state.meta.title, `${s.pointer}/meta/title`, parts.titleOf(step), at);
    text(s.state.meta.description, `${s.pointer}/meta/description`, parts.descriptionOf(step), at, true);
    text(s.state.meta.institution, `${s.pointer}/meta/institution`, parts.institutionOf(step), at, true);
    const refs = (list: LegalRef[], pointer: string, of: Text) =>
      list.forEach((ref, i) => {
        if (!ref.clause?.trim())
          out.push({
            code: 'legal-clause-missing',
            location: { pointer: `${pointer}/${i}/clause`, ...at },
            ...texts.legalClauseMissing(of),
          });
        if (ref.law !== undefined && !ref.law.trim())
          out.push({
            code: 'legal-law-empty',
            location: { pointer: `${pointer}/${i}/law`, ...at },
            ...texts.legalLawEmpty(of),
          });
      });
    refs(s.state.meta.legal, `${s.pointer}/meta/legal`, step);
    const handover = s.state.meta.handover;
    if (handover) {
      if (handover.legal.length === 0)
        out.push({
          code: 'handover-legal-missing',
          location: { pointer: `${s.pointer}/meta/handover/legal`, ...at },
          ...texts.handoverLegalMissing(step),
        });
      refs(handover.legal, `${s.pointer}/meta/handover/legal`, parts.handoverOf(step));
      text(handover.note, `${s.pointer}/meta/handover/note`, parts.handoverNoteOf(step), at, true);
    }
    for (const tag of s.state.tags ?? [])
      if (!TAG.test(tag))
        out.push({
          code: 'bad-tag',
          location: { pointer: `${s.pointer}/tags`, ...at },
          ...texts.badTag(step, tag),
        });
    actions(s.state.entry, `${s.pointer}/entry`, parts.entering(step), at);
    actions(s.state.exit, `${s.pointer}/exit`, parts.leaving(step), at);
  }
  for (const t of listTransitions(doc.machine)) {
    const transition = parts.transition(t.event, t.source);
    text(t.transition.description, `${t.pointer}/description`, parts.descriptionOf(transition), {}, true);
    actions(t.transition.actions, `${t.pointer}/actions`, transition, {});
  }
  for (const f of Object.values(doc.forms))
    text(f.title, `/forms/${escapePointer(f.id)}/title`, parts.formTitle(f.id), { form: f.id });
  return out;
}
