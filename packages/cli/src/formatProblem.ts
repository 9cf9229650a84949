import { problemText, type Lang, type Problem } from '@ruta/protocol';

const WORDS = {
  en: {
    error: 'error',
    warning: 'warning',
    fix: 'fix',
    line: 'line',
    column: 'column',
    state: 'state',
    form: 'form',
    field: 'field',
  },
  es: {
    error: 'error',
    warning: 'aviso',
    fix: 'qué hacer',
    line: 'línea',
    column: 'columna',
    state: 'etapa',
    form: 'formulario',
    field: 'campo',
  },
} satisfies Record<Lang, Record<string, string>>;

/**
 * One problem for people, in `lang`: severity, where, what, and what to do. Indented under its
 * file. Codes, pointers and state paths are the same in both languages.
 */
export function formatProblem(problem: Problem, lang: Lang = 'en'): string {
  const w = WORDS[lang];
  const { pointer, state, form, field, line, column } = problem.location;
  const where = [
    line !== undefined ? `${w.line} ${line}${column !== undefined ? `, ${w.column} ${column}` : ''}` : '',
    pointer || '/',
    state ? `${w.state} ${state}` : '',
    form ? `${w.form} ${form}${field ? `, ${w.field} ${field}` : ''}` : field ? `${w.field} ${field}` : '',
  ]
    .filter(Boolean)
    .join('  ');
  const severity = problem.severity === 'warning' ? w.warning : w.error;
  const { message, hint } = problemText(problem, lang);
  return [
    `  ${severity.padEnd(7)} ${problem.code}  ${where}`,
    `          ${message}`,
    `          ${w.fix}: ${hint}`,
  ].join('\n');
}
