/**
 * Every shipped protocol and variant, walked end to end through the real engine: each simple
 * path from the first step to a closed case, with form data from the forms' own examples, is
 * accepted step by step, closes the case, replays as conforming, and keeps the invariants in
 * force; and every transition off those paths (a withdrawal of consent, a repeated visit, a
 * renewal) is taken by some walk that still ends in a closed case.
 */
import { compileProtocol, replay, type CaseState, type CompiledProtocol } from '@ruta/engine';
import {
  PROFILE_VOCABULARY,
  exploreStateSpace,
  listTransitions,
  type Country,
  type StateSpaceEdge,
} from '@ruta/protocol';
import { describe, expect, it } from 'vitest';
import { eventsHandled, invariantsOnWalk } from './support/invariantsOnWalk.js';
import { shippedProtocols } from './support/shippedProtocols.js';
import { coveringWalks, edgeKey, simplePaths } from './support/simplePaths.js';
import { walkPath, type WalkCache, type WalkResult } from './support/walkPath.js';

const { protocols } = shippedProtocols();

/** Regional protocols run in Guatemala; a variant runs in its own country. */
const countryOf = (jurisdiction: string): Country =>
  jurisdiction === 'REGIONAL' ? 'GT' : (jurisdiction as Country);

describe('walking the shipped protocols through the engine', () => {
  it('finds the protocols to walk', () => {
    expect(protocols.length).toBeGreaterThanOrEqual(9);
  });

  for (const { ref, protocol } of protocols) {
    const compiled = compileProtocol(protocol);
    const space = exploreStateSpace(protocol);
    const country = countryOf(protocol.jurisdiction);
    const cache: WalkCache = new Map();
    const available = memoisedAvailability(compiled);
    const taken = new Set<string>();

    it(`${ref}: every simple path to a closed case is accepted, closes, replays and keeps the invariants`, () => {
      expect(space.complete).toBe(true);
      const paths = simplePaths(space);
      expect(paths.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const path of paths) {
        const result = walkPath(compiled, path, country, cache);
        failures.push(...check(compiled, path, result, available));
        if (result.ok) path.forEach((edge) => taken.add(edgeKey(edge)));
      }
      expect(failures.slice(0, 10)).toEqual([]);
    }, 240_000);

    it(`${ref}: every transition is taken by some walk that ends in a closed case`, () => {
      const failures: string[] = [];
      for (const { edge, walks } of coveringWalks(space, taken)) {
        if (taken.has(edgeKey(edge))) continue;
        let first: string[] | null = null;
        for (const walk of walks) {
          const result = walkPath(compiled, walk, country, cache);
          const problems = check(compiled, walk, result, available);
          if (problems.length === 0) {
            walk.forEach((e) => taken.add(edgeKey(e)));
            first = null;
            break;
          }
          first ??= problems;
        }
        if (walks.length === 0)
          failures.push(`${describeEdge(edge)}: no closed case can be reached after it`);
        else if (first) failures.push(...first.map((f) => `taking ${describeEdge(edge)}: ${f}`));
      }
      expect(failures.slice(0, 10)).toEqual([]);
      const pointers = new Set(
        space.edges.filter((e) => taken.has(edgeKey(e))).flatMap((e) => e.transitions),
      );
      const never = listTransitions(protocol.machine)
        .map((t) => t.pointer)
        .filter((p) => !pointers.has(p));
      expect(never).toEqual([]);
    }, 240_000);
  }
});

/** What is wrong with one walk, in sentences a protocol designer can act on; none when it is right. */
function check(
  compiled: CompiledProtocol,
  path: readonly StateSpaceEdge[],
  result: WalkResult,
  available: (c: CaseState) => string[],
): string[] {
  const route = path.map((e) => e.event).join(' > ');
  if (!result.ok) {
    const tries = result.tries
      .map((t) => `${t.role}${t.form ? ` with ${t.form} example ${t.example}` : ''}: ${t.outcome}`)
      .join(' | ');
    return [
      `${route}: the engine did not take ${describeEdge(result.stalledAt)} (${tries || 'nothing to try'})`,
    ];
  }
  const out: string[] = [];
  const last = result.steps.at(-1)?.case ?? result.opened;
  if (last.status !== 'closed')
    out.push(`${route}: the case is still ${last.status} in ${JSON.stringify(last.value)}`);
  const report = replay(result.history, (r) =>
    r.id === compiled.ref.id && r.version === compiled.ref.version ? compiled : undefined,
  );
  if (!report.ok) {
    const first = report.events[report.firstDivergence ?? 0];
    out.push(
      `${route}: replay diverges at event ${first?.seq} (${first?.type}): ${JSON.stringify(first?.reasons)}`,
    );
  }
  const cases = [result.opened, ...result.steps.map((s) => s.case)];
  out.push(...invariantsOnWalk(compiled, cases, available).map((b) => `${route}: ${b}`));
  // The profile's vocabularies (seed 003 §6.9-6.10): statistics are only comparable if every case uses them.
  for (const [field, values] of Object.entries(PROFILE_VOCABULARY)) {
    const allowed = values.map((v) => v.value);
    const value = last.profile[field as keyof typeof PROFILE_VOCABULARY];
    if (value !== undefined && !allowed.includes(value))
      out.push(`${route}: profile ${field} "${value}" is not one of ${allowed.join(', ')}`);
  }
  return out;
}

function describeEdge(edge: StateSpaceEdge): string {
  return `${edge.event} from ${edge.from} to ${edge.to}`;
}

/** The events a configuration handles depend only on the configuration: ask the engine once per configuration. */
function memoisedAvailability(compiled: CompiledProtocol): (c: CaseState) => string[] {
  const seen = new Map<string, string[]>();
  return (c) => {
    const key = JSON.stringify(c.value);
    let events = seen.get(key);
    if (!events) {
      events = eventsHandled(compiled, c);
      seen.set(key, events);
    }
    return events;
  };
}
