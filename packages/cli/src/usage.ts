/** The help of the ruta command and of each subcommand. */
export const USAGE = {
  main: `ruta: verify, compare and try out Ruta protocols.

Usage:
  ruta verify [paths...] [--json] [--lang es|en]
                                         check protocol, variant and form files
  ruta diff <a> <b> [--json] [--lang es|en]
                                         compare two protocol versions
  ruta simulate <protocol> <events.json> [--country XX] [--json] [--lang es|en]
                                         run a list of events through a case

Run "ruta <command> --help" for the details of a command.
--lang chooses the language of the protocol problems and of the comparison: es (Spanish) or en
(English); by default es when the LANG or LC_ALL environment variable starts with "es", else en.
Exit codes: 0 fine, 1 problems found (or a step rejected), 2 the command was not used correctly.`,

  verify: `ruta verify [paths...] [--json] [--lang es|en]

Checks every .json file under the paths given (files or folders, read recursively); without
paths, the workflows/ and forms/ folders of the repository (found by walking up from the current
folder). Each protocol and national variant is resolved with its forms and verified: its
statechart, the names it uses, its forms, the data its guards read, every reachable step, and
the invariants in force. Each form is verified on its own.

Options:
  --json     print {"ok", "protocols": [...], "forms": [...]} instead of the report for people;
             each problem has its "message" and "hint" in English and, under "es", in Spanish
  --lang     es or en: the language of the report for people (default: es when LANG or LC_ALL
             starts with "es", else en)
  --help     show this help

Exit code 1 when any error is found (warnings alone pass), 2 when a path does not exist or an
option is not right (e.g. a --lang other than es or en).`,

  diff: `ruta diff <a> <b> [--json] [--lang es|en]

Compares two protocol versions: each is "id@version" of a protocol or variant in workflows/
(e.g. child-repatriation@1, child-repatriation-gt@1) or the path of a protocol or variant file.

Options:
  --json     print the differences as JSON
  --lang     es or en: the language of the comparison and of the problems of a version that
             cannot be resolved (default: es when LANG or LC_ALL starts with "es", else en)
  --help     show this help

Exit code 0 whatever the differences, 1 when a version is unknown (the known ones are listed),
2 when the command was not used correctly.`,

  simulate: `ruta simulate <protocol> <events.json> [--country XX] [--json] [--lang es|en]

Opens a case under the protocol ("id@version" in workflows/, or a file) and sends it each event
of events.json, a list of
  {"event": "SCREENED", "data": {...form fields...}, "actor": {"role": "caseworker", "country": "GT"}}
("data" and "actor" are optional; the actor defaults to a case worker of the case's country;
"event": "after:<delay>" lets a running timer run out). Prints each step (event, from -> to,
or every reason it was rejected), then the conformance report of replaying the history.
The clock and ids are simulated, so the output is the same on every run.

Options:
  --country XX  the country that runs the case (default: the protocol's country, or GT for a
                regional protocol)
  --json        print the steps and the conformance report as JSON
  --lang        es or en: the language of the problems of a protocol that cannot be resolved
                and of a malformed events.json (default: es when LANG or LC_ALL starts with
                "es", else en); the steps are reported in English
  --help        show this help

Exit code 1 when a step was rejected or the replay does not conform, 2 when the command was not
used correctly or events.json is not a list of events.`,
} as const;
