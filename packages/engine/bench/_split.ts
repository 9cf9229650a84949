import { performance } from 'node:perf_hooks';
import { compileProtocol, openCase, step, type Actor } from '../src/index.js';
import { benchPath, benchProtocol } from './benchProtocol.js';
const compiled = compileProtocol(benchProtocol());
let ms = Date.parse('2025-01-01T00:00:00.000Z'); let k = 0;
const deps = { clock: () => new Date((ms += 60_000)).toISOString(), ids: () => `ev-${++k}` };
const actors: Record<string, Actor> = { caseworker: { userId: 'u-cw', role: 'caseworker', country: 'GT' }, supervisor: { userId: 'u-sup', role: 'supervisor', country: 'GT' } };
const rt = compiled.runtime as any;
const origRun = rt.run;
let inX = 0;
rt.run = (conf: any, ev: string, memo: boolean) => { const t = performance.now(); const r = origRun(conf, ev, memo); inX += performance.now() - t; return r; };
const PATHS = Array.from({ length: 8 }, (_, n) => benchPath(n));
const opened = PATHS.map((_, n) => openCase(compiled, { id: 'c' + n, country: 'GT', actor: actors.caseworker! }, deps).case);
let total = 0; let steps = 0;
for (let rep = 0; rep < 300; rep++) {
  if (rep === 50) { inX = 0; total = 0; steps = 0; }
  const t0 = performance.now();
  for (let n = 0; n < 8; n++) { let c = opened[n]!; for (const cmd of PATHS[n]!) { const r = step(compiled, c, { event: cmd.event, data: cmd.data, actor: actors[cmd.role]! }, deps); if (!r.ok) throw 1; c = r.case; steps++; } }
  total += performance.now() - t0;
}
console.log('per step µs', (1000 * total / steps).toFixed(1), 'in xstate run', (1000 * inX / steps).toFixed(1), 'overhead', (1000 * (total - inX) / steps).toFixed(1));
