import { expect } from 'vitest';
import type { ApiClient } from './apiClient.js';
import type { TestServer } from './startTestServer.js';

/** Starts an integrity sweep as `as` (202, running), waits for it, and returns the report `as` reads. */
export async function sweepNow<T>(server: TestServer, as: ApiClient): Promise<T> {
  const started = await as.post<{ sweep: unknown }>('/api/audit/integrity/sweep');
  expect(started.status).toBe(202);
  expect(started.body.sweep).toMatchObject({ running: true, finishedAt: null });
  await server.services.integrity.idle();
  const r = await as.get<T>('/api/audit/integrity');
  expect(r.status).toBe(200);
  return r.body;
}
