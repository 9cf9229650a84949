/** Where a command writes, and where it runs from: real streams in bin/ruta.js. */
export interface Io {
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Exit codes: fine, problems found, the command was not used correctly. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
