/**
 * A camelCase identifier made from a human title ("Evaluación de riesgo" -> "evaluacionDeRiesgo"),
 * not among `taken` (a number is appended when it is). Falls back to `fallback` when the title has
 * no letters.
 */
export function uniqueKey(title: string, taken: Iterable<string>, fallback = 'item'): string {
  const words = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  let base = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  if (!/^[A-Za-z]/.test(base)) base = base === '' ? fallback : `${fallback}${base}`;
  if (base.length > 40) base = base.slice(0, 40);
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}
