import type { Lang, RegistryReport } from '@ruta/protocol';
import { formatProblem } from './formatProblem.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The words around the problems, in each language. */
const WORDS = {
  en: {
    form: 'form',
    checked: (protocols: number, forms: number) =>
      `${plural(protocols, 'protocol and variant', 'protocols and variants')}, ${plural(forms, 'form', 'forms')}`,
    passed: (checked: string) => `ok: ${checked} verified, no problems.`,
    summary: (errors: number, warnings: number, files: number, checked: string) =>
      `${errors > 0 ? 'FAILED' : 'ok'}: ${plural(errors, 'error', 'errors')} and ${plural(warnings, 'warning', 'warnings')} in ${plural(files, 'file', 'files')} (${checked} checked).`,
  },
  es: {
    form: 'formulario',
    checked: (protocols: number, forms: number) =>
      `${plural(protocols, 'protocolo o variante', 'protocolos y variantes')}, ${plural(forms, 'formulario', 'formularios')}`,
    passed: (checked: string) => `ok: ${checked} verificados, sin problemas.`,
    summary: (errors: number, warnings: number, files: number, checked: string) =>
      `${errors > 0 ? 'FALLÓ' : 'ok'}: ${plural(errors, 'error', 'errores')} y ${plural(warnings, 'aviso', 'avisos')} en ${plural(files, 'archivo', 'archivos')} (se revisaron ${checked}).`,
  },
};

/** `ruta verify` for people, in `lang`: the problems grouped by file, then one summary line. */
export function formatVerifyReport(report: RegistryReport, lang: Lang = 'en'): string {
  const w = WORDS[lang];
  const lines: string[] = [];
  const entries = [
    ...report.protocols.map((p) => ({
      ...p,
      title: `${p.id}${p.version === null ? '' : `@${p.version}`}${p.jurisdiction ? ` (${p.jurisdiction})` : ''}`,
    })),
    ...report.forms.map((f) => ({
      ...f,
      title: `${w.form} ${f.id}${f.version === null ? '' : ` v${f.version}`}`,
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
      lines.push(formatProblem(problem, lang));
    }
    lines.push('');
  }
  const checked = w.checked(report.protocols.length, report.forms.length);
  if (errors === 0 && warnings === 0) lines.push(w.passed(checked));
  else lines.push(w.summary(errors, warnings, filesWithProblems, checked));
  return lines.join('\n');
}
