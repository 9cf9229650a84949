import type { StateValue } from '@ruta/engine';

/** A state value as people read it: its innermost states as dotted paths, "a.b + a.c" for parallel ones. */
export function formatStateValue(value: StateValue | null | undefined): string {
  if (value === null || value === undefined) return '(none)';
  const leaves: string[] = [];
  const walk = (v: StateValue, prefix: string) => {
    if (typeof v === 'string') {
      leaves.push(prefix === '' ? v : `${prefix}.${v}`);
      return;
    }
    for (const [key, child] of Object.entries(v)) walk(child, prefix === '' ? key : `${prefix}.${key}`);
  };
  walk(value, '');
  return leaves.join(' + ');
}
