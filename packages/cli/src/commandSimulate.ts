import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { COUNTRIES, parseJson, problemText, type Country } from '@ruta/protocol';
import { badLangMessage, chooseLang } from './chooseLang.js';
import { formatProblem } from './formatProblem.js';
import { formatSimulation } from './formatSimulation.js';
import { EXIT, type Io } from './io.js';
import { resolveArguments } from './resolveArguments.js';
import { parseCommands, simulateCommands, type SimulationResult } from './simulateCommands.js';
import { USAGE } from './usage.js';

/** ruta simulate <protocol> <events.json> [--country XX] [--json] [--lang es|en] */
export function commandSimulate(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean' },
      country: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.out(USAGE.simulate);
    return EXIT.ok;
  }
  const usage = (message: string) => {
    io.err(`ruta simulate: ${message}`);
    io.err('Run "ruta simulate --help" for the details.');
    return EXIT.usage;
  };
  const lang = chooseLang(values.lang, io.env);
  if (!lang) {
    io.err(badLangMessage('simulate', values.lang));
    io.err('Run "ruta simulate --help" for the details.');
    return EXIT.usage;
  }
  const [ref, eventsPath] = positionals;
  if (positionals.length !== 2 || ref === undefined || eventsPath === undefined)
    return usage('give a protocol and an events file, e.g. ruta simulate voluntary-return@1 events.json');
  const chosen = values.country === undefined ? undefined : COUNTRIES.find((c) => c === values.country);
  if (values.country !== undefined && !chosen)
    return usage(`--country must be one of ${COUNTRIES.join(', ')}`);

  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, eventsPath), 'utf8');
  } catch {
    return usage(`cannot read the events file ${eventsPath}`);
  }
  const parsed = parseJson(text, eventsPath);
  if (!parsed.ok) return usage(`${eventsPath}: ${problemText(parsed.problem, lang).message}`);

  const resolved = resolveArguments([ref], io.cwd);
  if (!resolved.ok) {
    for (const error of resolved.errors) io.err(`ruta simulate: ${error}`);
    return EXIT.usage;
  }
  const [protocol] = resolved.results;
  if (!protocol?.ok) {
    for (const problem of protocol?.problems ?? []) io.err(formatProblem(problem, lang));
    io.err(`Known versions: ${resolved.known.join(', ') || '(none)'}`);
    return EXIT.problems;
  }
  const jurisdiction = protocol.protocol.jurisdiction;
  const country: Country = chosen ?? (jurisdiction === 'REGIONAL' ? 'GT' : jurisdiction);
  const commands = parseCommands(parsed.value, country);
  if (!commands.ok) return usage(`${eventsPath}:\n  ${commands.errors.join('\n  ')}`);

  let result: SimulationResult;
  try {
    result = simulateCommands(protocol.protocol, commands.commands, country);
  } catch (error) {
    // The engine refuses to run the protocol or to open the case: say why, without a stack trace.
    const reasons =
      error instanceof Error && 'reasons' in error && Array.isArray(error.reasons)
        ? error.reasons.map((r: { message?: string }) => String(r.message))
        : [];
    io.err(`ruta simulate: ${error instanceof Error ? error.message : String(error)}`);
    for (const reason of reasons) io.err(`  - ${reason}`);
    io.err('Run "ruta verify" to see what to fix in the protocol.');
    return EXIT.problems;
  }
  io.out(values.json ? JSON.stringify(result, null, 2) : formatSimulation(result));
  return result.ok ? EXIT.ok : EXIT.problems;
}
