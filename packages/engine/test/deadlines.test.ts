import { describe, expect, it } from 'vitest';
import { compileProtocol } from '../src/index.js';
import { drive } from './drive.js';
import { childProtocol, supervisor, testDeps, validDecision, validScreening } from './fixtures.js';

const compiled = compileProtocol(childProtocol());

describe('deadlines', () => {
  it("starts a state's deadline on entry, due its hours later, and ends it on exit", () => {
    const deps = testDeps();
    const d = drive(compiled, deps);
    expect(d.case.deadlines).toEqual([
      {
        name: 'state:screening',
        title: { es: 'Screening', en: 'Screening' },
        setAt: '2025-03-01T08:01:00.000Z',
        dueAt: '2025-03-02T08:01:00.000Z',
      },
    ]);
    deps.advance(3 * 3_600_000);
    d.ok('SCREEN', validScreening);
    expect(d.case.deadlines).toEqual([
      {
        name: 'state:protection.shelter.placing',
        title: { es: 'Placing', en: 'Placing' },
        setAt: '2025-03-01T11:02:00.000Z',
        dueAt: '2025-03-01T23:02:00.000Z',
      },
    ]);
  });

  it('sets a named deadline with setDeadline and ends it with clearDeadline', () => {
    const d = drive(compiled, testDeps());
    d.ok('SCREEN', validScreening);
    d.ok('SHELTER_DONE');
    d.ok('HEALTH_DONE');
    const decided = d.ok('DECIDE', validDecision, supervisor);
    expect(d.case.deadlines).toEqual([
      {
        name: 'report',
        title: { es: 'Report', en: 'Report' },
        setAt: decided.event.at,
        dueAt: '2025-03-03T08:05:00.000Z',
      },
    ]);
    d.ok('CLOSE');
    expect(d.case.deadlines).toEqual([]);
  });
});
