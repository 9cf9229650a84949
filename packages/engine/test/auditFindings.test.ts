// What an audit tells about a case whose stored history or document was changed outside the
// engine, and what it does not count as a divergence (regressions of the audit of 2025).
import { describe, expect, it } from 'vitest';
import {
  compileProtocol,
  fireTimer,
  migrateCase,
  replay,
  verifyChain,
  type CaseState,
  type CompiledProtocol,
  type ProtocolRef,
} from '../src/index.js';
import { drive } from './drive.js';
import { childProtocol, clone, supervisor, testDeps, validDecision, validScreening } from './fixtures.js';

const v1 = compileProtocol(childProtocol());
const HOUR = 3_600_000;

/** A case closed by its follow-up timer: opened, 4 steps, the timer (6 events). */
function closedCase() {
  const deps = testDeps();
  const d = drive(v1, deps);
  d.ok('SCREEN', validScreening);
  d.ok('SHELTER_DONE');
  d.ok('HEALTH_DONE');
  d.ok('DECIDE', validDecision, supervisor);
  deps.advance(80 * HOUR);
  const r = fireTimer(v1, d.case, d.case.timers[0]!, deps);
  if (!r.ok) expect.fail(JSON.stringify(r.reasons));
  d.case = r.case;
  d.history.push(r.event);
  return d;
}

/** The case as its document stores it: a JSON round trip. */
const stored = (c: CaseState): CaseState => clone(c);

describe('a history cut short at the end', () => {
  it('is caught by the document it was written to, and said so', () => {
    const d = closedCase();
    const cut = d.history.slice(0, -1);
    const chain = verifyChain(cut, { document: stored(d.case) });
    expect(chain).toMatchObject({
      ok: false,
      brokenAt: 5,
      problem: { code: 'events-missing-at-end', from: 5, to: 5 },
    });
    const report = replay(cut, () => v1, { document: stored(d.case) });
    expect(report.ok).toBe(false);
    expect(report.firstDivergence).toBe(5);
    expect(report.events[5]!.reasons).toEqual([
      expect.objectContaining({ code: 'events-missing-at-end', from: 5, to: 5 }),
    ]);
  });

  it('is not confused with a document that is merely behind its events', () => {
    const d = closedCase();
    // The document written after event 3 (DECIDE not yet), the events gone on to 5.
    const atThree = drive(v1, testDeps());
    atThree.ok('SCREEN', validScreening);
    atThree.ok('SHELTER_DONE');
    atThree.ok('HEALTH_DONE');
    expect(atThree.history).toEqual(d.history.slice(0, 4));
    expect(verifyChain(d.history, { document: stored(atThree.case) })).toMatchObject({ ok: true });
    const report = replay(d.history, () => v1, { document: stored(atThree.case) });
    expect(report).toMatchObject({ ok: true, document: [] });
  });
});

describe('a case document changed outside its history', () => {
  it('agrees with an untouched history', () => {
    const d = closedCase();
    expect(verifyChain(d.history, { document: stored(d.case) })).toEqual({
      ok: true,
      events: 6,
      brokenAt: null,
      reason: '',
    });
    expect(replay(d.history, () => v1, { document: stored(d.case) })).toMatchObject({
      ok: true,
      firstDivergence: null,
      document: [],
    });
  });

  it('names each part that differs: stage, status, a form by its id, head and seq', () => {
    const d = closedCase();
    const doc = stored(d.case);
    (doc.data.screening as { age: number }).age = 19;
    doc.value = 'followUp';
    doc.status = 'active';
    const report = replay(d.history, () => v1, { document: doc });
    expect(report.ok).toBe(false);
    expect(report.firstDivergence).toBeNull();
    expect(report.document).toEqual([
      { part: 'stage', stored: 'followUp', replayed: 'closed' },
      { part: 'status', stored: 'active', replayed: 'closed' },
      { part: 'data', form: 'screening' },
    ]);
    // The form's values are not in the report: they may be a victim's data.
    expect(JSON.stringify(report.document)).not.toContain('19');
  });

  it('tells a changed head from events missing at the end', () => {
    const d = closedCase();
    const doc = stored(d.case);
    doc.head = 'f'.repeat(64);
    const chain = verifyChain(d.history, { document: doc });
    expect(chain).toMatchObject({
      ok: false,
      problem: {
        code: 'document-differs',
        differences: [{ part: 'head', stored: doc.head, replayed: d.case.head }],
      },
    });
    expect(replay(d.history, () => v1, { document: doc }).document).toEqual([
      { part: 'head', stored: doc.head, replayed: d.case.head },
    ]);
  });
});

describe('a chain that breaks', () => {
  it('says why with a code and what to word it with', () => {
    const h = closedCase().history;
    const dropped = [...h.slice(0, 3), ...h.slice(4)];
    expect(verifyChain(dropped).problem).toEqual({ code: 'events-missing', seq: 3, from: 3, to: 3 });
    expect(verifyChain([...h.slice(0, 2), ...h.slice(4)]).problem).toEqual({
      code: 'events-missing',
      seq: 2,
      from: 2,
      to: 3,
    });
    expect(verifyChain([...h.slice(0, 3), h[2]!, ...h.slice(3)]).problem).toEqual({
      code: 'seq-out-of-order',
      seq: 3,
      found: 2,
    });
    const altered = clone(h);
    (altered[1]!.data as { age: number }).age = 16;
    expect(verifyChain(altered).problem).toEqual({ code: 'altered', seq: 1 });
    const relinked = clone(h);
    relinked[2]!.prev = 'a'.repeat(64);
    expect(verifyChain(relinked).problem).toEqual({ code: 'prev-mismatch', seq: 2 });
    const other = clone(h);
    other[2]!.caseId = 'case-2';
    expect(verifyChain(other).problem).toEqual({ code: 'other-case', seq: 2 });
    expect(verifyChain(h.slice(1)).problem).toMatchObject({ code: 'events-missing', from: 0 });
    expect(verifyChain([]).problem).toEqual({ code: 'empty' });
    expect(verifyChain(h.slice(0, -1), { head: h.at(-1)!.hash }).problem).toEqual({
      code: 'events-missing-at-end',
      from: 5,
      to: null,
    });
  });

  it('with an event missing in the middle: replay says so once, and the later events keep their hash', () => {
    const h = closedCase().history;
    const dropped = [...h.slice(0, 3), ...h.slice(4)];
    const report = replay(dropped, () => v1, { head: h.at(-1)!.hash });
    expect(report.firstDivergence).toBe(3);
    const missing = report.events.flatMap((e) => e.reasons.filter((r) => r.code === 'events-missing'));
    expect(missing).toEqual([expect.objectContaining({ from: 3, to: 3 })]);
    expect(report.events.map((e) => e.hashIntact)).toEqual([true, true, true, true, true]);
    expect(report.events.flatMap((e) => e.reasons.map((r) => r.code))).not.toContain('chain-broken');
    expect(report.events.flatMap((e) => e.reasons.map((r) => r.code))).not.toContain('hash-mismatch');
  });
});

describe('what-if', () => {
  /** Version 2: the same, with the follow-up timer due after 96 hours instead of 72. */
  const slower = (() => {
    const p = childProtocol();
    p.version = 2;
    p.delays = { followUp: { hours: 96 } };
    return compileProtocol(p);
  })();

  it('says a timer was not due yet under the other version, with when it would be and when it fired', () => {
    const d = closedCase();
    const timer = d.history.at(-1)!;
    const report = replay(d.history, () => v1, { against: slower });
    expect(report.firstDivergence).toBe(5);
    expect(report.events[5]!.reasons).toEqual([
      expect.objectContaining({ code: 'timer-not-due', event: timer.type, at: timer.at }),
    ]);
    const reason = report.events[5]!.reasons[0] as { dueAt: string };
    expect(Date.parse(reason.dueAt) - Date.parse(d.history[4]!.at)).toBe(96 * HOUR);
  });

  it('on a migrated case notes the skipped migration without counting it as a divergence', () => {
    const v2 = (() => {
      const p = childProtocol();
      p.version = 2;
      return compileProtocol(p);
    })();
    const deps = testDeps();
    const d = drive(v1, deps);
    d.ok('SCREEN', validScreening);
    const identity = {
      'protection.shelter.placing': 'protection.shelter.placing',
      'protection.health.checkup': 'protection.health.checkup',
    };
    const m = migrateCase(v1, v2, d.case, identity, supervisor, deps);
    if (!m.ok) expect.fail(JSON.stringify(m.reasons));
    const history = [...d.history, m.event];
    const lookup = (ref: ProtocolRef): CompiledProtocol | undefined =>
      [v1, v2].find((c) => c.ref.version === ref.version);
    const report = replay(history, lookup, { against: v2 });
    expect(report.ok).toBe(true);
    expect(report.firstDivergence).toBeNull();
    expect(report.events[2]).toMatchObject({
      type: 'case.migrated',
      reasons: [],
      notes: [expect.objectContaining({ code: 'migration-skipped' })],
    });
  });
});
