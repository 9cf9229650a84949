import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exploreStateSpace, invariantReport, verifyProtocol, type ResolvedProtocol } from '../src/index.js';
import { goodProtocol } from './verifyFixture.js';

/** Every path to a value inside a JSON value, as lists of keys. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function replaceAt(root: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy: unknown = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
}

const base = goodProtocol();
const allPaths = paths(base).filter((p) => p.length > 0);

describe('the verifier on damaged protocols', () => {
  it('reports problems and never throws, whatever part of the protocol is missing or of the wrong kind', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...allPaths),
            fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 })),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        (damage) => {
          let protocol: unknown = base;
          for (const [path, value] of damage) {
            try {
              protocol = replaceAt(protocol, path, value);
            } catch {
              // An earlier change removed the parent: nothing to damage there.
            }
          }
          const p = protocol as ResolvedProtocol;
          const problems = verifyProtocol(p);
          expect(Array.isArray(problems)).toBe(true);
          for (const problem of problems) {
            expect(typeof problem.code).toBe('string');
            expect(typeof problem.location.pointer).toBe('string');
            expect(problem.hint.length).toBeGreaterThan(0);
          }
          invariantReport(p, exploreStateSpace(p));
        },
      ),
      { numRuns: 300, seed: 20250101 },
    );
  });
});
