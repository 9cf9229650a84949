import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file's place in tests/support. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Every JSON file under workflows/ and forms/, as loadRegistry takes them: a path relative to the
 * repository root (so problems name the file a designer would open) and its text.
 */
export function shippedFiles(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.json'))
        out.push({ path: relative(REPO_ROOT, full), text: readFileSync(full, 'utf8') });
    }
  };
  visit(join(REPO_ROOT, 'workflows'));
  visit(join(REPO_ROOT, 'forms'));
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
