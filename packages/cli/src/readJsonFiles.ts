import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export interface ReadResult {
  /** Every .json file found, with its path relative to `base` (as reports show it) and its text. */
  files: { path: string; text: string }[];
  /** Paths given that do not exist, and files or folders that could not be read. */
  errors: { path: string; message: string }[];
}

/**
 * Reads the .json files under each path (a file, or a folder read recursively, skipping
 * node_modules and hidden folders), in a stable order.
 */
export function readJsonFiles(paths: readonly string[], cwd: string, base: string): ReadResult {
  const files: ReadResult['files'] = [];
  const errors: ReadResult['errors'] = [];
  const seen = new Set<string>();
  const shown = (absolute: string) => relative(base, absolute) || absolute;

  const visit = (absolute: string, given?: string) => {
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      errors.push({ path: given ?? shown(absolute), message: 'no such file or folder' });
      return;
    }
    if (stats.isDirectory()) {
      let entries: string[];
      try {
        entries = readdirSync(absolute).sort();
      } catch (error) {
        errors.push({ path: shown(absolute), message: `cannot read the folder: ${describe(error)}` });
        return;
      }
      for (const entry of entries) {
        if (entry.startsWith('.') || entry === 'node_modules') continue;
        const child = join(absolute, entry);
        let isDir = false;
        try {
          isDir = statSync(child).isDirectory();
        } catch {
          // Reported by visit below.
        }
        if (isDir || entry.endsWith('.json')) visit(child);
      }
      return;
    }
    if (seen.has(absolute)) return;
    seen.add(absolute);
    try {
      files.push({ path: shown(absolute), text: readFileSync(absolute, 'utf8') });
    } catch (error) {
      errors.push({ path: shown(absolute), message: `cannot read the file: ${describe(error)}` });
    }
  };

  for (const path of paths) visit(resolve(cwd, path), path);
  return { files, errors };
}

function describe(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}
