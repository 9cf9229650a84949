import { parseArgs } from 'node:util';
import { verifyRegistry } from '@ruta/protocol';
import { badLangMessage, chooseLang } from './chooseLang.js';
import { formatVerifyReport } from './formatVerifyReport.js';
import { EXIT, type Io } from './io.js';
import { loadRepository } from './loadRepository.js';
import { USAGE } from './usage.js';

/** ruta verify [paths...] [--json] [--lang es|en] */
export function commandVerify(args: string[], io: Io): number {
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
    io.out(USAGE.verify);
    return EXIT.ok;
  }
  const lang = chooseLang(values.lang, io.env);
  if (!lang) {
    io.err(badLangMessage('verify', values.lang));
    io.err('Run "ruta verify --help" for the details.');
    return EXIT.usage;
  }
  const loaded = loadRepository(io.cwd, positionals);
  if (!loaded.ok) {
    for (const error of loaded.errors) io.err(`ruta verify: ${error}`);
    return EXIT.usage;
  }
  const report = verifyRegistry(loaded.registry);
  io.out(values.json ? JSON.stringify(report, null, 2) : formatVerifyReport(report, lang));
  return report.ok ? EXIT.ok : EXIT.problems;
}
