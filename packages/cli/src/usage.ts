/** The help of the ruta command and of each subcommand. */
export const USAGE = {
  main: `ruta: verify, compare and try out Ruta protocols.

Usage:
  ruta verify [paths...] [--json]        check protocol, variant and form files
  ruta diff <a> <b> [--json]             compare two protocol versions
  ruta simulate <protocol> <events.json> [--country XX] [--json]
                                         run a list of events through a case

Run "ruta <command> --help" for the details of a command.
Exit codes: 0 fine, 1 problems found (or a step rejected), 2 the command was not used correctly.`,

  verify: `ruta verify [paths...] [--json]

Checks every .json file under the paths given (files or folders, read recursively); without
paths, the workflows/ and forms/ folders of the repository (found by walking up from the current
folder). Each protocol and national variant is resolved with its forms and verified: its
statechart, the names it uses, its forms, the data its guards read, every reachable step, and
the invariants in force. Each form is verified on its own.

Options:
  --json     print {"ok", "protocols": [...], "forms": [...]} instead of the report for people
  --help     show this help

Exit code 1 when any error is found (warnings alone pass), 2 when a path does not exist.`,

  diff: `ruta diff <a> <b> [--json]

Compares two protocol versions: each is "id@version" of a protocol or variant in workflows/
(e.g. child-repatriation@1, child-repatriation-gt@1) or the path of a protocol or variant file.

Options:
  --json     print the differences as JSON
  --help     show this help

Exit code 0 whatever the differences, 1 when a version is unknown (the known ones are listed),
2 when the command was not used correctly.`,

  simulate: `ruta simulate <protocol> <events.json> [--country XX] [--json]

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
  --help        show this help

Exit code 1 when a step was rejected or the replay does not conform, 2 when the command was not
used correctly or events.json is not a list of events.`,
} as const;
