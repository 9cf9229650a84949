import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  canonicalJson,
  compileProtocol,
  hashEvent,
  replay,
  verifyChain,
  type EventRecord,
} from '../src/index.js';
import { drive } from './drive.js';
import { childProtocol, clone, supervisor, testDeps, validDecision, validScreening } from './fixtures.js';

const compiled = compileProtocol(childProtocol());

function history(): EventRecord[] {
  const d = drive(compiled, testDeps());
  d.ok('SCREEN', { ...validScreening, notes: 'first contact at the shelter' });
  d.ok('HEALTH_DONE');
  d.ok('SHELTER_DONE');
  d.ok('DECIDE', validDecision, supervisor);
  d.ok('CLOSE');
  return d.history;
}

/** Every path to a primitive in a JSON value, as lists of keys. */
function leafPaths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof v !== 'object' || v === null) return [prefix];
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  const out = entries.flatMap(([k, x]) => leafPaths(x, [...prefix, k]));
  return out.length === 0 ? [prefix] : out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

describe('hash chain', () => {
  it('seals each event with the SHA-256 of its canonical JSON, chained by prev', () => {
    const h = history();
    for (let i = 0; i < h.length; i++) {
      expect(h[i]!.hash).toBe(hashEvent(h[i]!));
      expect(h[i]!.prev).toBe(i === 0 ? '' : h[i - 1]!.hash);
    }
    expect(verifyChain(h)).toEqual({ ok: true, events: 6, brokenAt: null, reason: '' });
  });

  it('seals records whose data is not ASCII exactly as SHA-256 of their canonical text', () => {
    // Accents, an emoji, a lone surrogate (JSON escapes it), quotes and a line break.
    const notes = 'niña acompañada por su tía 😀 \ud800 "Raíces"\n';
    const plain = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    for (const sha256 of [undefined, plain]) {
      const d = drive(compiled, { ...testDeps(), ...(sha256 ? { sha256 } : {}) });
      d.ok('SCREEN', { ...validScreening, notes });
      for (const e of d.history)
        expect(e.hash).toBe(
          plain(canonicalJson(Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'hash')))),
        );
      expect(replay(d.history, () => compiled).ok).toBe(true);
    }
  });

  it('detects a "__proto__" key slipped into stored data (it is part of the hashed text)', () => {
    const h = history();
    const stored = JSON.stringify(h).replace('"notes":', '"__proto__":{"isAdmin":true},"notes":');
    const tampered = JSON.parse(stored) as EventRecord[];
    expect(Object.hasOwn(tampered[1]!.data as object, '__proto__')).toBe(true);
    expect(verifyChain(tampered)).toMatchObject({ ok: false, brokenAt: 1 });
    expect(replay(tampered, () => compiled).firstDivergence).toBe(1);
  });

  it('survives a round trip through JSON (key order does not matter)', () => {
    const reordered = history().map(
      (e) => Object.fromEntries(Object.entries(clone(e)).reverse()) as unknown as EventRecord,
    );
    expect(verifyChain(reordered).ok).toBe(true);
  });

  it('hashes a record by its content whatever the order, number or names of its keys (property)', () => {
    const h = JSON.parse(JSON.stringify(history())) as EventRecord[];
    const arb = fc.record({
      at: fc.integer({ min: 0, max: h.length - 1 }),
      order: fc.option(fc.array(fc.nat(), { minLength: 16, maxLength: 16 }), { nil: undefined }),
      change: fc.constantFrom('none', 'add', 'remove'),
      key: fc.constantFrom('_id', 'extra', 'data', 'from', 'country', 'effects'),
      position: fc.nat(),
    });
    fc.assert(
      fc.property(arb, ({ at, order, change, key, position }) => {
        const entries = Object.entries(clone(h[at]!));
        // The order the engine writes, or any other.
        const shuffled = order
          ? entries
              .map((entry, i) => ({ entry, rank: order[i]! }))
              .sort((a, b) => a.rank - b.rank)
              .map((x) => x.entry)
          : [...entries];
        if (change === 'add' && !shuffled.some(([k]) => k === key))
          shuffled.splice(position % (shuffled.length + 1), 0, [key, 'x']);
        const removed = change === 'remove' && key !== 'country' && shuffled.some(([k]) => k === key);
        const kept = removed ? shuffled.filter(([k]) => k !== key) : shuffled;
        const record = Object.fromEntries(kept) as unknown as EventRecord;
        const changed = kept.length !== entries.length;
        const copy = [...h];
        copy[at] = record;
        expect(verifyChain(copy).ok).toBe(!changed);
      }),
      { numRuns: 400 },
    );
  });

  it('detects any changed value in any event (property)', () => {
    const h = history();
    const targets = h.flatMap((e, i) =>
      leafPaths(e)
        .filter((p) => p.length > 0)
        .map((p) => ({ i, p })),
    );
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.jsonValue({ maxDepth: 1 }), ({ i, p }, value) => {
        const tampered = clone(h);
        const before = JSON.stringify(tampered[i]);
        setAt(tampered[i], p, value);
        fc.pre(JSON.stringify(tampered[i]) !== before);
        const report = verifyChain(tampered);
        expect(report.ok).toBe(false);
        expect(report.brokenAt).not.toBeNull();
        expect(report.brokenAt!).toBeLessThanOrEqual(i + 1);
        expect(replay(tampered, () => compiled).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('detects a dropped, repeated or reordered event (property)', () => {
    const h = history();
    const edits = fc.oneof(
      fc
        .integer({ min: 0, max: h.length - 1 })
        .map((i) => ({ what: 'drop', list: h.filter((_, j) => j !== i), at: i })),
      fc
        .integer({ min: 0, max: h.length - 1 })
        .map((i) => ({ what: 'repeat', list: [...h.slice(0, i + 1), h[i]!, ...h.slice(i + 1)], at: i + 1 })),
      fc
        .tuple(fc.integer({ min: 0, max: h.length - 1 }), fc.integer({ min: 0, max: h.length - 1 }))
        .filter(([a, b]) => a < b)
        .map(([a, b]) => {
          const list = [...h];
          [list[a], list[b]] = [list[b]!, list[a]!];
          return { what: 'swap', list, at: a };
        }),
    );
    fc.assert(
      fc.property(edits, ({ list, at }) => {
        // The case's head anchors the end of the chain: without it, cutting the last event off
        // would leave a valid (shorter) chain.
        const head = h[h.length - 1]!.hash;
        const report = verifyChain(list, { head });
        expect(report.ok).toBe(false);
        expect(report.brokenAt).toBe(at);
        const conformance = replay(list, () => compiled, { head });
        expect(conformance.ok).toBe(false);
        expect(conformance.firstDivergence).toBe(at);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on records holding values JSON has not (property)', () => {
    const h = history();
    const keys = [
      'caseId',
      'seq',
      'id',
      'kind',
      'type',
      'at',
      'actor',
      'data',
      'from',
      'to',
      'protocol',
      'effects',
      'prev',
      'hash',
      'country',
    ];
    const odd = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
    });
    fc.assert(
      fc.property(
        fc.nat({ max: h.length - 1 }),
        fc.constantFrom(...keys),
        fc.oneof(odd, fc.constant({ toString: false })),
        (i, key, value) => {
          const tampered = clone(h);
          (tampered[i] as unknown as Record<string, unknown>)[key] = value;
          const chain = verifyChain(tampered);
          const report = replay(tampered, () => compiled);
          for (const r of [chain.reason, ...report.events.flatMap((e) => e.reasons.map((x) => x.message))])
            expect(typeof r).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says why the chain breaks', () => {
    const h = history();
    expect(verifyChain(h.slice(0, -1)).ok).toBe(true);
    expect(verifyChain(h.slice(0, -1), { head: h[h.length - 1]!.hash }).reason).toContain(
      'missing at the end',
    );
    expect(verifyChain([]).reason).toContain('empty');
    const other = clone(h);
    other[2]!.caseId = 'another-case';
    expect(verifyChain(other).reason).toContain('belongs to case');
    const altered = clone(h);
    (altered[1]!.data as { age: number }).age = 16;
    expect(verifyChain(altered)).toMatchObject({ ok: false, brokenAt: 1 });
    expect(verifyChain(altered).reason).toContain('was altered');
  });
});
