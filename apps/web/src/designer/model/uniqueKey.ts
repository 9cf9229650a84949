/**
 * A camelCase identifier made from a human title ("Evaluación de riesgo" -> "evaluacionDeRiesgo"),
 * not among `taken` (a number is appended when it is). Falls back to `fallback` when the title has
 * no letters.
 */
export function uniqueKey(title: string, taken: Iterable<string>, fallback = 'item'): string {
  let base = wordsOf(title)
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  if (!/^[A-Za-z]/.test(base)) base = base === '' ? fallback : `${fallback}${base}`;
  return free(base.slice(0, 40), taken, '');
}

/** The same in kebab-case ("Verificación DINAF" -> "verificacion-dinaf"), as form ids are written. */
export function uniqueKebab(title: string, taken: Iterable<string>, fallback = 'item'): string {
  let base = wordsOf(title)
    .map((w) => w.toLowerCase())
    .join('-');
  if (!/^[a-z]/.test(base)) base = base === '' ? fallback : `${fallback}-${base}`;
  return free(base.slice(0, 60), taken, '-');
}

/** The same in UPPER_SNAKE_CASE ("Registrar verificación" -> "REGISTRAR_VERIFICACION"), as events are written. */
export function uniqueUpperSnake(title: string, taken: Iterable<string>, fallback = 'EVENT'): string {
  let base = wordsOf(title)
    .map((w) => w.toUpperCase())
    .join('_');
  if (!/^[A-Z]/.test(base)) base = base === '' ? fallback : `${fallback}_${base}`;
  return free(base.slice(0, 60), taken, '_');
}

function wordsOf(title: string): string[] {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
}

function free(base: string, taken: Iterable<string>, sep: string): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${sep}${n}`)) return `${base}${sep}${n}`;
}
