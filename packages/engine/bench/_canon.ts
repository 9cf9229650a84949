import { canonicalJson, canonicalCopy } from '../src/canonicalJson.js';
import { FORBIDDEN_KEYS } from '../src/checkInput.js';
import { benchPath } from './benchProtocol.js';
const data = benchPath(1)[4]!.data!;
const quoted = new Map<string, string>();
function q(key: string): string { let s = quoted.get(key); if (s === undefined) { s = JSON.stringify(key); if (quoted.size < 10000) quoted.set(key, s); } return s; }
function w2(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string': return JSON.stringify(value);
    case 'boolean': return value ? 'true' : 'false';
    case 'number': if (!Number.isFinite(value)) throw new Error('x'); return '' + value;
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) { let out = '['; for (let i = 0; i < value.length; i++) { if (i > 0) out += ','; out += w2(value[i], depth + 1); } return out + ']'; }
      const keys = Object.keys(value).sort(); let out = '{'; let first = true;
      for (const key of keys) { const item = (value as any)[key]; if (item === undefined) continue; if (!first) out += ','; first = false; out += q(key) + ':' + w2(item, depth + 1); }
      return out + '}';
    }
    default: throw new Error('y');
  }
}
function bench(name: string, fn: () => unknown, n = 50000) {
  for (let i = 0; i < 5000; i++) fn();
  const t0 = process.cpuUsage(); for (let i = 0; i < n; i++) fn(); const t = process.cpuUsage(t0);
  console.log(name.padEnd(30), ((t.user + t.system) / n).toFixed(2), 'µs cpu');
}
for (let r = 0; r < 2; r++) {
bench('canonicalJson', () => canonicalJson(data));
bench('canonicalCopy', () => canonicalCopy(data, FORBIDDEN_KEYS));
bench('w2 (quote cache, no try)', () => w2(data, 0));
bench('JSON.stringify', () => JSON.stringify(data));
bench('stringify+parse', () => JSON.parse(JSON.stringify(data)));
bench('keys.sort only', () => Object.keys(data).sort());
}
