import type { IntegrityProblem } from '../api/types.js';

type T = (key: string, opts?: Record<string, unknown>) => string;

/**
 * Where a damaged case breaks, as one phrase in the page's language: the event at fault, or the
 * parts of its stored document that differ from its history (forms by title, never their data).
 *
 * @example describeIntegrityProblem({ code: 'document-differs', seq: null, parts: ['data'],
 *   forms: ['cr-objection'], reasons: [] }, t, names.form)
 *   // "el expediente guardado no es el que da su historial: datos del formulario «Objeción»"
 */
export function describeIntegrityProblem(
  p: IntegrityProblem,
  t: T,
  formTitle: (id: string) => string = (id) => id,
): string {
  const seq = p.seq ?? '?';
  switch (p.code) {
    case 'document-differs':
      return t('integrity.problem.documentDiffers', {
        parts: p.parts
          .map((part) =>
            part === 'data'
              ? t('integrity.part.data', { forms: p.forms.map(formTitle).join(', ') })
              : partName(part, t),
          )
          .join(', '),
      });
    case 'events-missing-at-end':
      return t('integrity.problem.missingAtEnd', { seq });
    case 'events-missing':
      return t('integrity.problem.missing', { seq });
    case 'altered':
      return t('integrity.problem.altered', { seq });
    case 'bad-record':
      return t('integrity.problem.badRecord', { seq });
    case 'not-conforming':
      return t('integrity.problem.notConforming', { seq });
    default:
      return t('integrity.problem.other', { seq });
  }
}

/**
 * A part of the stored case by the name the audit panel gives it; the parts it words with values
 * the sweep does not keep (stored and replayed status and seq) by plain names of their own.
 */
function partName(part: string, t: T): string {
  const audit = t(`audit.part.${part === 'stage' ? 'stageOnly' : part}`, {
    defaultValue: t('audit.part.other'),
  });
  return t(`integrity.part.${part}`, { defaultValue: audit });
}
