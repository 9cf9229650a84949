import type { RegistryReport } from '@ruta/protocol';
import { formatProblem } from './formatProblem.js';

/** `ruta verify` for people: the problems grouped by file, then one summary line. */
export function formatVerifyReport(report: RegistryReport): string {
  const lines: string[] = [];
  const entries = [
    ...report.protocols.map((p) => ({
      ...p,
      title: `${p.id}${p.version === null ? '' : `@${p.version}`}${p.jurisdiction ? ` (${p.jurisdiction})` : ''}`,
    })),
    ...report.forms.map((f) => ({
      ...f,
      title: `form ${f.id}${f.version === null ? '' : ` v${f.version}`}`,
    })),
  ].sort((a, b) => a.file.localeCompare(b.file));
  let errors = 0;
  let warnings = 0;
  let filesWithProblems = 0;
  for (const entry of entries) {
    if (entry.problems.length === 0) continue;
    filesWithProblems++;
    lines.push(`${entry.file}  ${entry.title}`);
    for (const problem of entry.problems) {
      if (problem.severity === 'warning') warnings++;
      else errors++;
      lines.push(formatProblem(problem));
    }
    lines.push('');
  }
  const protocols = report.protocols.length;
  const forms = report.forms.length;
  const checked = `${protocols} protocol${protocols === 1 ? '' : 's'} and variant${protocols === 1 ? '' : 's'}, ${forms} form${forms === 1 ? '' : 's'}`;
  if (errors === 0 && warnings === 0) lines.push(`ok: ${checked} verified, no problems.`);
  else
    lines.push(
      `${errors > 0 ? 'FAILED' : 'ok'}: ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} in ${filesWithProblems} file${filesWithProblems === 1 ? '' : 's'} (${checked} checked).`,
    );
  return lines.join('\n');
}
