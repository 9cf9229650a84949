import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { TimerScheduler } from '../src/scheduler/timerScheduler.js';
import { formExamples, openCase, type CaseViewBody } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';
import { TestClock } from './helpers/testClock.js';

const logger = pino({ level: 'silent' });
const servers: TestServer[] = [];
afterAll(async () => {
  for (const [i, s] of servers.entries()) await s.close({ keepDb: i < servers.length - 1 });
});

describe('delayed transitions', () => {
  it('fire once when due, even across a restart with two schedulers running', async () => {
    const clock = new TestClock('2026-12-01T08:00:00.000Z');
    const first = await startTestServer({ file: import.meta.url, clock: clock.now });
    servers.push(first);
    const worker = await first.as('caseworker.gt');
    const opened = await openCase(worker, 'child-repatriation-gt');
    const caseId = opened.case.id;
    await worker.post(`/api/cases/${caseId}/steps`, { event: 'DETECT', expectedVersion: 0 });
    const [detection] = await formExamples(worker, opened.case.protocol, 'cr-detection');
    // Detected an hour before the screening is saved: the 24-hour alert counts from the detection.
    const screened = await worker.post<CaseViewBody>(`/api/cases/${caseId}/steps`, {
      event: 'SCREENED',
      data: { ...detection, detectedAt: '2026-12-01T07:00:00.000Z' },
      expectedVersion: 1,
    });
    expect(screened.status).toBe(200);
    const timer = screened.body.case.timers[0]!;
    expect(timer.dueAt).toBe('2026-12-02T07:00:00.000Z');

    // Not due yet: a pass fires nothing.
    const early = new TimerScheduler(first.services, logger, 60_000);
    expect(await early.fireDue()).toBe(0);
    await first.close({ keepDb: true });

    // The server is down while the 24-hour alert falls due; two instances come back.
    clock.advanceHours(25);
    const second = await startTestServer({ file: import.meta.url, dbName: first.dbName, clock: clock.now });
    const third = await startTestServer({ file: import.meta.url, dbName: first.dbName, clock: clock.now });
    servers.push(second, third);
    const a = new TimerScheduler(second.services, logger, 60_000);
    const b = new TimerScheduler(third.services, logger, 60_000);
    const fired = await Promise.all([a.fireDue(), b.fireDue()]);
    expect(fired[0]! + fired[1]!).toBe(1);
    expect(await a.fireDue()).toBe(0);
    expect(await b.fireDue()).toBe(0);

    const reader = await second.as('caseworker.gt');
    const history = await reader.get<{ seq: number; kind: string; actor: { role: string } }[]>(
      `/api/cases/${caseId}/history`,
    );
    const timers = history.body.filter((e) => e.kind === 'timer');
    expect(timers).toHaveLength(1);
    expect(timers[0]!.actor.role).toBe('system');
    expect(history.body.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    const view = await reader.get<CaseViewBody>(`/api/cases/${caseId}`);
    expect(JSON.stringify(view.body.state.value)).toContain('"alert":"overdue"');
    // The overdue alert tells Guatemala's focal point (entry action of the overdue state).
    expect(await second.services.repos.notifications.listFor({ country: 'GT', limit: 100 })).toHaveLength(1);
  }, 120_000);

  it('fire for every due case in one pass, however many pages they take', async () => {
    const clock = new TestClock('2026-12-02T08:00:00.000Z');
    const server = await startTestServer({ file: import.meta.url, clock: clock.now });
    servers.push(server);
    const worker = await server.as('caseworker.sv');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const opened = await openCase(worker, 'child-repatriation');
      await worker.post(`/api/cases/${opened.case.id}/steps`, { event: 'DETECT', expectedVersion: 0 });
      const [detection] = await formExamples(worker, opened.case.protocol, 'cr-detection');
      const r = await worker.post(`/api/cases/${opened.case.id}/steps`, {
        event: 'SCREENED',
        data: detection,
        expectedVersion: 1,
      });
      expect(r.status).toBe(200);
      ids.push(opened.case.id);
    }
    clock.advanceHours(25);
    // Two cases a page: a pass reads three pages and fires all five alerts.
    expect(await new TimerScheduler(server.services, logger, 60_000, 2).fireDue()).toBe(5);
    server.forgetLogins(); // the sessions expired meanwhile
    const reader = await server.as('caseworker.sv');
    for (const id of ids) {
      const view = await reader.get<CaseViewBody>(`/api/cases/${id}`);
      expect(view.body.case.timers.filter((t) => t.dueAt <= clock.now())).toEqual([]);
    }
  }, 120_000);
});
