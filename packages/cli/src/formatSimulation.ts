import { formatStateValue } from './formatStateValue.js';
import type { SimulationResult } from './simulateCommands.js';

/** `ruta simulate` for people: each step, where the case ended, and the replay's verdict. */
export function formatSimulation(result: SimulationResult): string {
  const { protocol, country, steps, conformance } = result;
  const width = Math.max(5, ...steps.map((s) => s.event.length));
  const lines = [
    `${protocol.id}@${protocol.version} (${protocol.jurisdiction}), case run by ${country}, ${steps.length} event${steps.length === 1 ? '' : 's'}`,
    `opened in ${formatStateValue(result.opened)}`,
  ];
  for (const step of steps) {
    const head = `${String(step.index).padStart(3)}. ${step.event.padEnd(width)}`;
    if (step.ok) {
      lines.push(`${head}  ${formatStateValue(step.from)} -> ${formatStateValue(step.to)}`);
      continue;
    }
    lines.push(`${head}  REJECTED in ${formatStateValue(step.from)}:`);
    for (const reason of step.reasons) {
      const path = 'path' in reason && reason.path ? ` (${reason.path})` : '';
      lines.push(`${' '.repeat(width + 7)}- ${reason.code}: ${reason.message}${path}`);
    }
  }
  lines.push(`case now in ${formatStateValue(result.final.value)} (${result.final.status})`, '');
  const recorded = conformance.events.length;
  if (conformance.ok) {
    lines.push(
      `replay: all ${recorded} recorded events conform to ${protocol.id}@${protocol.version}; hash chain intact.`,
    );
  } else {
    lines.push(`replay: DOES NOT CONFORM (first divergence at event ${conformance.firstDivergence ?? '?'}):`);
    for (const event of conformance.events) {
      if (event.accepted && event.sameState && event.hashIntact) continue;
      const why = event.reasons.map((r) => r.message).join('; ');
      lines.push(
        `  event ${event.seq} ${event.type}: expected ${formatStateValue(event.expected)}, got ${formatStateValue(event.actual)}${event.hashIntact ? '' : ', hash broken'}${why ? ` - ${why}` : ''}`,
      );
    }
  }
  const rejected = steps.filter((s) => !s.ok).length;
  lines.push(
    result.ok
      ? 'ok'
      : `FAILED: ${rejected} step${rejected === 1 ? '' : 's'} rejected${conformance.ok ? '' : ', replay does not conform'}.`,
  );
  return lines.join('\n');
}
