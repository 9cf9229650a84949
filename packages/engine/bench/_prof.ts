import { compileProtocol, openCase, replay, step, type Actor } from '../src/index.js';
import { benchPath, benchProtocol } from './benchProtocol.js';
const compiled = compileProtocol(benchProtocol());
let ms = Date.parse('2025-01-01T00:00:00.000Z'); let k = 0;
const deps = { clock: () => new Date((ms += 60_000)).toISOString(), ids: () => `ev-${++k}` };
const actors: Record<string, Actor> = { caseworker: { userId: 'u-cw', role: 'caseworker', country: 'GT' }, supervisor: { userId: 'u-sup', role: 'supervisor', country: 'GT' } };
const mode = process.argv[2];
const hist = [];
for (let n = 0; n < 100; n++) {
  let { case: c, event } = openCase(compiled, { id: 'c' + n, country: 'GT', actor: actors.caseworker! }, deps);
  const h = [event];
  for (const cmd of benchPath(n)) { const r = step(compiled, c, { event: cmd.event, data: cmd.data, actor: actors[cmd.role]! }, deps); if (!r.ok) throw 1; c = r.case; h.push(r.event); }
  hist.push(h);
}
const t0 = performance.now(); let ops = 0;
while (performance.now() - t0 < 4000) {
  if (mode === 'replay') { for (const h of hist) { replay(h, () => compiled); ops += h.length; } }
  else { for (let n = 0; n < 10; n++) { let { case: c } = openCase(compiled, { id: 'c' + n, country: 'GT', actor: actors.caseworker! }, deps); for (const cmd of benchPath(n)) { const r = step(compiled, c, { event: cmd.event, data: cmd.data, actor: actors[cmd.role]! }, deps); if (!r.ok) throw 1; c = r.case; ops++; } } }
}
console.log(mode, Math.round(ops / ((performance.now() - t0) / 1000)), '/s');
