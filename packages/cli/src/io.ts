/** Where a command writes, where it runs from and its environment: the real ones in bin/ruta.js. */
export interface Io {
  cwd: string;
  /** The environment variables (LANG and LC_ALL choose the language of the messages). */
  env: Readonly<Record<string, string | undefined>>;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Exit codes: fine, problems found, the command was not used correctly. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
