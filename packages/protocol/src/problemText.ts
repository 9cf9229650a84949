import type { Lang, Problem, ProblemText } from './types.js';

/**
 * What a problem says, in both languages: the English message and hint a Problem carries at its
 * top level, and the Spanish ones under `es`. Every text function of the verifier returns this,
 * so a problem is built as `{ code, location, ...texts.someCode(parts) }`.
 */
export type BilingualText = ProblemText & { es: ProblemText };

/**
 * A problem's message and hint in a language. A problem without Spanish (one stored before
 * problems carried it) gives its English rather than nothing.
 *
 * @example
 *   const { message, hint } = problemText(problem, 'es');
 */
export function problemText(
  problem: Pick<Problem, 'message' | 'hint'> & { es?: Partial<ProblemText> },
  lang: Lang,
): ProblemText {
  if (lang === 'es' && problem.es?.message)
    return { message: problem.es.message, hint: problem.es.hint ?? problem.hint };
  return { message: problem.message, hint: problem.hint };
}

/** Adds the same words before (and after) both languages of a text, e.g. the change a problem is in. */
export function wrapText(
  text: BilingualText,
  en: { before?: string; after?: string },
  es: { before?: string; after?: string },
): BilingualText {
  return {
    message: `${en.before ?? ''}${text.message}${en.after ?? ''}`,
    hint: text.hint,
    es: { message: `${es.before ?? ''}${text.es.message}${es.after ?? ''}`, hint: text.es.hint },
  };
}

// Pieces the texts of several checks share, one function per language.

/** ` Did you mean "x"?` to end a hint with, or "" when no name is close. */
export const didYouMean = {
  en: (near: string | undefined): string => (near === undefined ? '' : ` Did you mean "${near}"?`),
  es: (near: string | undefined): string => (near === undefined ? '' : ` ¿Quiso decir «${near}»?`),
};

/** The names a designer may choose from, or a word saying there are none yet. */
export const namesOrNone = {
  en: (names: readonly string[]): string => names.join(', ') || '(none yet)',
  es: (names: readonly string[]): string => names.join(', ') || '(aún no hay)',
};

/** "1 problem" / "2 problems" and the like: a count with its noun in the singular or plural. */
export function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
