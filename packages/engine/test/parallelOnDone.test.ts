import { describe, expect, it } from 'vitest';
import { availableActions, compileProtocol } from '../src/index.js';
import { drive } from './drive.js';
import { caseworker, childProtocol, testDeps, validScreening } from './fixtures.js';

const compiled = compileProtocol(childProtocol());

describe('parallel regions', () => {
  it('steps each region on its own and leaves through onDone when every region is final', () => {
    const d = drive(compiled, testDeps());
    d.ok('SCREEN', validScreening);
    expect(availableActions(compiled, d.case, caseworker).map((a) => a.event)).toEqual([
      'SHELTER_DONE',
      'HEALTH_DONE',
      'WITHDRAW',
    ]);
    d.ok('HEALTH_DONE');
    expect(d.case.value).toEqual({ protection: { shelter: 'placing', health: 'done' } });
    expect(d.no('HEALTH_DONE')[0]).toMatchObject({
      code: 'event-not-available',
      available: ['SHELTER_DONE', 'WITHDRAW'],
    });
    const r = d.ok('SHELTER_DONE');
    expect(r.event.from).toEqual({ protection: { shelter: 'placing', health: 'done' } });
    expect(r.event.to).toBe('decision');
  });

  it("keeps one region's deadline while the other moves, and drops it when the region is left", () => {
    const d = drive(compiled, testDeps());
    d.ok('SCREEN', validScreening);
    expect(d.case.deadlines.map((x) => x.name)).toEqual(['state:protection.shelter.placing']);
    d.ok('HEALTH_DONE');
    expect(d.case.deadlines.map((x) => x.name)).toEqual(['state:protection.shelter.placing']);
    d.ok('SHELTER_DONE');
    expect(d.case.deadlines).toEqual([]);
  });
});
