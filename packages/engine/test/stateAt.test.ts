// What was built from a case at one event (a handover packet, say) can be rebuilt from its sealed
// history: stateAt replays the history up to that event, and gives nothing when it is not intact.
import { describe, expect, it } from 'vitest';
import { compileProtocol, hashEvent, stateAt, type CaseState } from '../src/index.js';
import { drive } from './drive.js';
import { childProtocol, supervisor, testDeps, validDecision, validScreening } from './fixtures.js';

const compiled = compileProtocol(childProtocol());

/** The parts of a case a packet is built from, and its place in the chain. */
const built = (c: CaseState) => ({
  value: c.value,
  data: c.data,
  protocol: c.protocol,
  seq: c.seq,
  head: c.head,
});

describe('stateAt', () => {
  it('gives the case as it stood right after the event asked for, later events left out', () => {
    const d = drive(compiled, testDeps());
    d.ok('SCREEN', validScreening);
    const afterScreen = d.case;
    d.ok('SHELTER_DONE');
    d.ok('HEALTH_DONE');
    d.ok('DECIDE', validDecision, supervisor);
    const then = stateAt(d.history, () => compiled, afterScreen.seq);
    expect(then && built(then)).toEqual(built(afterScreen));
    const now = stateAt(d.history, () => compiled, d.case.seq);
    expect(now && built(now)).toEqual(built(d.case));
    expect(now?.data).not.toEqual(then?.data);
  });

  it('gives nothing for an event the history does not hold', () => {
    const d = drive(compiled, testDeps());
    d.ok('SCREEN', validScreening);
    expect(stateAt(d.history, () => compiled, 2)).toBeNull();
    expect(stateAt(d.history, () => compiled, -1)).toBeNull();
  });

  it('gives nothing when the history up to the event is altered, even re-sealed', () => {
    const d = drive(compiled, testDeps());
    d.ok('SCREEN', validScreening);
    d.ok('SHELTER_DONE');
    const altered = structuredClone(d.history);
    altered[1]!.data = { ...validScreening, age: 9 };
    expect(stateAt(altered, () => compiled, 2)).toBeNull();
    altered[1]!.hash = hashEvent(altered[1]!);
    // The next event still names the old hash: the chain breaks there.
    expect(stateAt(altered, () => compiled, 2)).toBeNull();
    // An alteration after the event asked for does not matter to it.
    expect(stateAt(altered, () => compiled, 0)).not.toBeNull();
  });

  it('gives nothing when a protocol version of the history is not known', () => {
    const d = drive(compiled, testDeps());
    d.ok('SCREEN', validScreening);
    expect(stateAt(d.history, () => undefined, 1)).toBeNull();
  });
});
