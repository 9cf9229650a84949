import { parseArgs } from 'node:util';
import { verifyRegistry } from '@ruta/protocol';
import { formatVerifyReport } from './formatVerifyReport.js';
import { EXIT, type Io } from './io.js';
import { loadRepository } from './loadRepository.js';
import { USAGE } from './usage.js';

/** ruta verify [paths...] [--json] */
export function commandVerify(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.out(USAGE.verify);
    return EXIT.ok;
  }
  const loaded = loadRepository(io.cwd, positionals);
  if (!loaded.ok) {
    for (const error of loaded.errors) io.err(`ruta verify: ${error}`);
    return EXIT.usage;
  }
  const report = verifyRegistry(loaded.registry);
  io.out(values.json ? JSON.stringify(report, null, 2) : formatVerifyReport(report));
  return report.ok ? EXIT.ok : EXIT.problems;
}
