import type { Problem } from '@ruta/protocol';

/** One problem for people: severity, where, what, and what to do. Indented under its file. */
export function formatProblem(problem: Problem): string {
  const { pointer, state, form, field, line, column } = problem.location;
  const where = [
    line !== undefined ? `line ${line}${column !== undefined ? `, column ${column}` : ''}` : '',
    pointer || '/',
    state ? `state ${state}` : '',
    form ? `form ${form}${field ? `, field ${field}` : ''}` : field ? `field ${field}` : '',
  ]
    .filter(Boolean)
    .join('  ');
  const severity = problem.severity === 'warning' ? 'warning' : 'error';
  return [
    `  ${severity.padEnd(7)} ${problem.code}  ${where}`,
    `          ${problem.message}`,
    `          fix: ${problem.hint}`,
  ].join('\n');
}
