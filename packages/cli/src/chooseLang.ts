import { LANGS, type Lang } from '@ruta/protocol';
import type { Io } from './io.js';

/**
 * The language a command writes protocol problems in: `--lang` when given, else Spanish when
 * the LANG or LC_ALL environment variable names a Spanish locale ("es_GT.UTF-8", "es"), else
 * English. Undefined when `--lang` is not a language Ruta ships (a usage error).
 *
 * @example chooseLang(undefined, { LANG: 'es_MX.UTF-8' }) // 'es'
 */
export function chooseLang(option: string | undefined, env: Io['env']): Lang | undefined {
  if (option !== undefined) return LANGS.find((l) => l === option);
  return [env.LANG, env.LC_ALL].some((v) => v?.startsWith('es')) ? 'es' : 'en';
}

/** The usage error for a --lang that is not a language Ruta ships. */
export function badLangMessage(command: string, option: string | undefined): string {
  return `ruta ${command}: --lang must be one of ${LANGS.join(', ')}, not "${option ?? ''}"`;
}
