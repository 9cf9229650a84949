import { parseArgs } from 'node:util';
import { diffProtocols, formatDiff } from '@ruta/protocol';
import { badLangMessage, chooseLang } from './chooseLang.js';
import { formatProblem } from './formatProblem.js';
import { EXIT, type Io } from './io.js';
import { resolveArguments } from './resolveArguments.js';
import { USAGE } from './usage.js';

/** ruta diff <a> <b> [--json] [--lang es|en] */
export function commandDiff(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.out(USAGE.diff);
    return EXIT.ok;
  }
  const lang = chooseLang(values.lang, io.env);
  if (positionals.length !== 2 || !lang) {
    io.err(
      !lang
        ? badLangMessage('diff', values.lang)
        : 'ruta diff: give two protocol versions, e.g. ruta diff child-repatriation@1 child-repatriation-gt@1',
    );
    io.err('Run "ruta diff --help" for the details.');
    return EXIT.usage;
  }
  const resolved = resolveArguments(positionals, io.cwd);
  if (!resolved.ok) {
    for (const error of resolved.errors) io.err(`ruta diff: ${error}`);
    return EXIT.usage;
  }
  const [a, b] = resolved.results;
  if (!a?.ok || !b?.ok) {
    for (const r of [a, b])
      if (r && !r.ok) for (const problem of r.problems) io.err(formatProblem(problem, lang));
    io.err(`Known versions: ${resolved.known.join(', ') || '(none)'}`);
    return EXIT.problems;
  }
  const diff = diffProtocols(a.protocol, b.protocol);
  io.out(values.json ? JSON.stringify(diff, null, 2) : formatDiff(diff, lang));
  return EXIT.ok;
}
