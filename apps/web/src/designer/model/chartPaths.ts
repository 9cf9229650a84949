import { getState, resolveTarget } from '@ruta/protocol';
import type { MachineConfig } from '@ruta/protocol';

/** "a.b.c" -> "a.b"; a top-level path -> "". */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('.');
  return i < 0 ? '' : path.slice(0, i);
}

/** "a.b.c" -> "c". */
export function keyOf(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

export function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** Whether `path` is `ancestor` or lies inside it. */
export function isSameOrInside(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

/** State keys: a letter, then letters, digits, "_" or "-" (dots separate path segments). */
export const STATE_KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * The target string a transition from `source` should carry to reach `targetPath`, in the
 * plainest form XState resolves back to the same state: a sibling key, ".child.path" for a
 * descendant of the source, else "#machineId.path".
 *
 * @example targetFor(m, 'consent', 'riskAssessment') === 'riskAssessment'
 */
export function targetFor(machine: MachineConfig, source: string, targetPath: string): string {
  if (!getState(machine, targetPath)) throw new Error(`no state at ${targetPath}`);
  const candidates: string[] = [];
  if (source !== '' && parentPath(source) === parentPath(targetPath)) candidates.push(keyOf(targetPath));
  if (source === '' || targetPath.startsWith(`${source}.`)) {
    candidates.push(source === '' ? `.${targetPath}` : `.${targetPath.slice(source.length + 1)}`);
  }
  candidates.push(`#${machine.id}.${targetPath}`);
  for (const c of candidates) if (resolveTarget(machine, source, c) === targetPath) return c;
  return `#${machine.id}.${targetPath}`;
}
