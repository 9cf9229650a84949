import { canonicalCopy } from '../src/canonicalJson.js';
import { FORBIDDEN_KEYS } from '../src/checkInput.js';
import { benchPath } from './benchProtocol.js';
const data = benchPath(1)[4]!.data!;
let intKeys = false;
function ord(value: unknown, depth: number, forbidden: ReadonlySet<string>): unknown {
  if (typeof value !== 'object') { if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('nan'); if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint' || value === undefined) throw new Error('x'); return value; }
  if (value === null) return null;
  if (depth >= 64) throw new Error('deep');
  if (Array.isArray(value)) { const out = new Array(value.length); for (let i = 0; i < value.length; i++) { const item = value[i]; if (item === undefined) throw new Error('u'); out[i] = ord(item, depth + 1, forbidden); } return out; }
  const proto = Object.getPrototypeOf(value); if (proto !== Object.prototype && proto !== null) throw new Error('p');
  const keys = Object.keys(value); keys.sort();
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) { const key = keys[i]!; if (forbidden.has(key)) throw new Error('f'); const c = key.charCodeAt(0); if (c >= 48 && c <= 57) intKeys = true; const v = (value as any)[key]; if (v !== undefined) out[key] = ord(v, depth + 1, forbidden); }
  return out;
}
function bench(name: string, fn: () => unknown, n = 100000) {
  for (let i = 0; i < 10000; i++) fn();
  const t0 = process.cpuUsage(); for (let i = 0; i < n; i++) fn(); const t = process.cpuUsage(t0);
  console.log(name.padEnd(30), ((t.user + t.system) / n).toFixed(2), 'µs cpu');
}
for (let r = 0; r < 3; r++) {
bench('canonicalCopy', () => canonicalCopy(data, FORBIDDEN_KEYS));
bench('ord only', () => ord(data, 0, FORBIDDEN_KEYS));
bench('ord+stringify', () => JSON.stringify(ord(data, 0, FORBIDDEN_KEYS)));
bench('JSON.stringify', () => JSON.stringify(data));
bench('keys+sort', () => Object.keys(data).sort());
}
