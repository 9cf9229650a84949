import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

type Alert = { id: string; at: string; read: boolean };
const ALERTS = 205;

describe('a focal point with many alerts', () => {
  it('sees every one of them a page at a time, can list the unread ones only, and counts them', async () => {
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    for (let i = 0; i < ALERTS; i++) {
      await server.services.repos.notifications.put({
        _id: `${'0'.repeat(20)}${String(i).padStart(4, '0')}:${i}:0`,
        country: 'HN',
        caseId: `${'0'.repeat(20)}${String(i).padStart(4, '0')}`,
        caseCountry: 'GT',
        reason: { es: 'Alerta 24 horas', en: '24-hour alert' },
        // Two alerts share each instant: the order falls back on the id.
        at: new Date(start + Math.floor(i / 2) * 60_000).toISOString(),
      });
    }
    const focal = await server.as('focalpoint.hn');
    const all = await focal.get<Alert[]>('/api/notifications');
    expect(all.body).toHaveLength(ALERTS);
    expect(all.headers.get('X-Next-Cursor')).toBeNull();
    // Newest first, the oldest (the first 24-hour alert) included.
    expect(all.body.at(-1)!.id).toBe(`${'0'.repeat(24)}:0:0`);

    const paged: Alert[] = [];
    let after: string | null = null;
    do {
      const page: { body: Alert[]; headers: Headers } = await focal.get<Alert[]>(
        `/api/notifications?limit=50${after ? `&after=${after}` : ''}`,
      );
      paged.push(...page.body);
      after = page.headers.get('X-Next-Cursor');
    } while (after);
    expect(paged.map((a) => a.id)).toEqual(all.body.map((a) => a.id));

    const oldest = all.body.slice(-3);
    for (const a of oldest) expect((await focal.post(`/api/notifications/${a.id}/read`)).status).toBe(204);
    const unread = await focal.get<Alert[]>('/api/notifications?unread=true');
    expect(unread.body).toHaveLength(ALERTS - 3);
    expect(unread.body.every((a) => !a.read)).toBe(true);
    const read = await focal.get<Alert[]>('/api/notifications?unread=false');
    expect(read.body.map((a) => a.id)).toEqual(oldest.map((a) => a.id));
    expect((await focal.get<{ count: number }>('/api/notifications/unread')).body).toEqual({
      count: ALERTS - 3,
    });
    // Read marks are each reader's own.
    const supervisor = await server.as('supervisor.hn');
    expect((await supervisor.get<{ count: number }>('/api/notifications/unread')).body).toEqual({
      count: ALERTS,
    });
    // Another country's focal point sees none of them.
    expect((await (await server.as('focalpoint.sv')).get<Alert[]>('/api/notifications')).body).toEqual([]);

    const bad = await focal.get<{ error: { message: string } }>('/api/notifications?after=bm9wZQ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('alert list cursor');
  });
});
