// The 24-hour alert to the country of origin is due 24 hours after the DETECTION (seed 004 B.3),
// not after the detection form is saved: a child detected yesterday at 10:00 whose screening is
// saved today at 09:00 has one hour left. The worklist, the case page, the scheduler and the
// focal point's alerts all go by that.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimerScheduler } from '../src/scheduler/timerScheduler.js';
import { formExamples, openCase, type CaseViewBody } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';
import { TestClock } from './helpers/testClock.js';

interface Row {
  id: string;
  nextDue: string | null;
  overdue: boolean;
}
/** The case view with what the case page shows of deadlines: each active stage's, and the next one. */
type View = Omit<CaseViewBody, 'state'> & {
  deadlines: { name: string; dueAt: string }[];
  state: { value: unknown; active: { path: string; deadline?: { dueAt: string } }[] };
  nextDue: string | null;
  overdue: boolean;
};
interface Alert {
  caseId: string;
  reason: { en: string };
}

const DETECTED = '2026-12-01T10:00:00.000Z';
const clock = new TestClock('2026-12-02T09:00:00.000Z');
const logger = pino({ level: 'silent' });
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, clock: clock.now });
});
afterAll(async () => server?.close());

async function screened(user: string, protocol: string): Promise<View> {
  const worker = await server.as(user);
  const c = await openCase(worker, protocol);
  await worker.post(`/api/cases/${c.case.id}/steps`, { event: 'DETECT', expectedVersion: 0 });
  const [detection] = await formExamples(worker, c.case.protocol, 'cr-detection');
  const r = await worker.post<View>(`/api/cases/${c.case.id}/steps`, {
    event: 'SCREENED',
    data: { ...detection, detectedAt: DETECTED },
    expectedVersion: 1,
  });
  expect(r.status).toBe(200);
  return r.body;
}

const dueOf = (view: View, path: string) => {
  const due = view.deadlines.find((d) => d.name === `state:${path}`)?.dueAt;
  // The stage list of the case page shows the same due time.
  expect(view.state.active.find((s) => s.path === path)?.deadline?.dueAt).toBe(due);
  return due;
};

describe('deadlines that count from the detection', () => {
  it('are due 24 hours after the detection on the case page and the worklist, not after the save', async () => {
    const view = await screened('caseworker.hn', 'child-repatriation');
    expect(dueOf(view, 'identification.protection.alert.pending')).toBe('2026-12-02T10:00:00.000Z');
    expect(dueOf(view, 'identification.protection.shelterHealth.placement')).toBe('2026-12-02T10:00:00.000Z');
    expect(dueOf(view, 'identification.protection.consular.pending')).toBe('2026-12-04T10:00:00.000Z');
    expect(view.case.timers.map((t) => t.dueAt)).toEqual(['2026-12-02T10:00:00.000Z']);
    expect(view.nextDue).toBe('2026-12-02T10:00:00.000Z');

    // The case documents the worklist reads follow their steps a moment later: let them.
    await server.services.caseStore.drain();
    const rows = (await (await server.as('caseworker.hn')).get<Row[]>('/api/cases')).body;
    expect(rows.find((r) => r.id === view.case.id)).toMatchObject({
      nextDue: '2026-12-02T10:00:00.000Z',
      overdue: false,
    });
  });

  it('escalate the alert to the focal point 24 hours after the detection', async () => {
    const view = await screened('caseworker.hn', 'child-repatriation');
    // The scheduler finds due timers in the case documents, which follow their steps a moment later.
    await server.services.caseStore.drain();
    const scheduler = new TimerScheduler(server.services, logger, 60_000);
    expect(await scheduler.fireDue()).toBe(0);

    clock.advanceHours(1.5); // 10:30: past the detection's 24 hours, 22.5 hours before the save's
    expect(await scheduler.fireDue()).toBeGreaterThanOrEqual(1);
    const reader = await server.as('supervisor.hn');
    const after = (await reader.get<View>(`/api/cases/${view.case.id}`)).body;
    expect(JSON.stringify(after.case.value)).toContain('"alert":"overdue"');
    await server.services.caseStore.drain();
    const row = (await reader.get<Row[]>('/api/cases')).body.find((r) => r.id === view.case.id);
    expect(row?.overdue).toBe(true);
    const alerts = (await (await server.as('focalpoint.hn')).get<Alert[]>('/api/notifications')).body;
    expect(alerts.filter((a) => a.caseId === view.case.id).map((a) => a.reason.en)).toEqual([
      'The 24-hour alert to the country of origin is overdue.',
    ]);
  });

  it('count the national consular notification term from the detection too', async () => {
    const view = await screened('caseworker.gt', 'child-repatriation-gt');
    // Guatemala's 24 hours for consular notification, 24 hours after the detection.
    expect(dueOf(view, 'identification.protection.consular.pending')).toBe('2026-12-02T10:00:00.000Z');
  });
});
