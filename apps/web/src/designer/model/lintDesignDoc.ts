import { escapePointer, listStates, listTransitions } from '@ruta/protocol';
import type { ActionConfig, Problem, Text } from '@ruta/protocol';
import type { DesignDoc } from './DesignDoc.js';
import { TAG } from './updateState.js';

/**
 * What the protocol file schemas require of what a designer types, which the static verifier
 * does not check: every text complete in both languages, legal references with their clause,
 * tags in kebab-case, deadlines named. The server refuses a draft that breaks these; here they
 * are found as the designer types, each pointing at its element, without Ajv (which the app's
 * Content-Security-Policy does not allow in the page).
 */
export function lintDesignDoc(doc: DesignDoc): Problem[] {
  const out: Problem[] = [];
  const text = (
    t: Text | undefined,
    pointer: string,
    what: string,
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
      message: `${what} is missing its ${!es && !en ? 'Spanish and English' : !es ? 'Spanish' : 'English'} text.`,
      hint: 'Write it in both languages: case workers read the protocol in either.',
    });
  };
  const actions = (
    list: ActionConfig[] | undefined,
    pointer: string,
    what: string,
    extra: Partial<Problem['location']>,
  ) => {
    (list ?? []).forEach((a, i) => {
      const at = `${pointer}/${i}/params`;
      if (a.type === 'setDeadline') {
        text(a.params.title, `${at}/title`, `The deadline set by ${what}`, extra);
        if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(a.params.name))
          out.push({
            code: 'bad-deadline-name',
            location: { pointer: `${at}/name`, ...extra },
            message: `The deadline set by ${what} is named "${a.params.name}".`,
            hint: 'Name it with letters, digits, "_" or "-", starting with a letter, e.g. "homeVisit".',
          });
      }
      if (a.type === 'notifyFocalPoint')
        text(a.params.reason, `${at}/reason`, `The reason of the notice sent by ${what}`, extra);
    });
  };

  text(doc.title, '/title', 'The protocol title');
  text(doc.description, '/description', 'The protocol description', {}, true);
  for (const [name, e] of Object.entries(doc.events)) {
    text(e.title, `/events/${escapePointer(name)}/title`, `The button text of action "${name}"`);
    text(
      e.description,
      `/events/${escapePointer(name)}/description`,
      `The description of action "${name}"`,
      {},
      true,
    );
  }
  for (const [name, g] of Object.entries(doc.guards))
    text(g.description, `/guards/${escapePointer(name)}/description`, `The meaning of condition "${name}"`);
  for (const s of listStates(doc.machine)) {
    const at = { state: s.path };
    const label = `step "${s.path}"`;
    text(s.state.meta.title, `${s.pointer}/meta/title`, `The title of ${label}`, at);
    text(s.state.meta.description, `${s.pointer}/meta/description`, `The description of ${label}`, at, true);
    text(s.state.meta.institution, `${s.pointer}/meta/institution`, `The institution of ${label}`, at, true);
    s.state.meta.legal.forEach((ref, i) => {
      if (!ref.clause?.trim())
        out.push({
          code: 'legal-clause-missing',
          location: { pointer: `${s.pointer}/meta/legal/${i}/clause`, ...at },
          message: `A legal reference of ${label} has no clause.`,
          hint: 'Give the clause of the seed document, e.g. "B.3" or "37", or remove the reference.',
        });
      if (ref.law !== undefined && !ref.law.trim())
        out.push({
          code: 'legal-law-empty',
          location: { pointer: `${s.pointer}/meta/legal/${i}/law`, ...at },
          message: `A legal reference of ${label} names an empty law.`,
          hint: 'Write the national law and article, or leave the field empty.',
        });
    });
    for (const tag of s.state.tags ?? [])
      if (!TAG.test(tag))
        out.push({
          code: 'bad-tag',
          location: { pointer: `${s.pointer}/tags`, ...at },
          message: `${label} has the tag "${tag}".`,
          hint: 'Tags are lowercase words joined by "-", e.g. "risk-assessment".',
        });
    actions(s.state.entry, `${s.pointer}/entry`, `entering ${label}`, at);
    actions(s.state.exit, `${s.pointer}/exit`, `leaving ${label}`, at);
  }
  for (const t of listTransitions(doc.machine)) {
    const what = `the transition "${t.event}" from ${t.source === '' ? 'any step' : `"${t.source}"`}`;
    text(t.transition.description, `${t.pointer}/description`, `The description of ${what}`, {}, true);
    actions(t.transition.actions, `${t.pointer}/actions`, what, {});
  }
  for (const f of Object.values(doc.forms))
    text(f.title, `/forms/${escapePointer(f.id)}/title`, `The title of form "${f.id}"`, { form: f.id });
  return out;
}
