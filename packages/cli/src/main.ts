import { commandDiff } from './commandDiff.js';
import { commandSimulate } from './commandSimulate.js';
import { commandVerify } from './commandVerify.js';
import { EXIT, type Io } from './io.js';
import { USAGE } from './usage.js';

const COMMANDS: Record<string, (args: string[], io: Io) => number> = {
  verify: commandVerify,
  diff: commandDiff,
  simulate: commandSimulate,
};

/**
 * The ruta command: runs a subcommand and gives the exit code. Never throws: a mistake in the
 * command line is a usage message (exit 2), anything unexpected a one-line error (exit 2).
 */
export function main(argv: readonly string[], io: Io): number {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? args[0] : undefined;
    const texts: Record<string, string> = USAGE;
    io.out(
      topic !== undefined && topic !== 'main' && Object.hasOwn(texts, topic)
        ? (texts[topic] ?? USAGE.main)
        : USAGE.main,
    );
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`ruta: unknown command "${name}"\n`);
    io.err(USAGE.main);
    return EXIT.usage;
  }
  try {
    return command(args, io);
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`ruta ${name}: ${error.message}`);
      io.err(`Run "ruta ${name} --help" for the details.`);
      return EXIT.usage;
    }
    io.err(`ruta ${name}: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.usage;
  }
}
