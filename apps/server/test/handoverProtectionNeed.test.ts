import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveCase, formExamples, openCase, type CaseViewBody } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

describe('a child who fears persecution in their country of origin', () => {
  it('is not handed over to that country by hand once the alert was withheld for it (409), and nothing is sent', async () => {
    const worker = await server.as('caseworker.mx');
    const opened = await openCase(worker, 'child-repatriation-mx');
    const alertSamples = await formExamples(worker, opened.case.protocol, 'cr-alert');
    const withheld = alertSamples.find((s) => s.outcome === 'withheld-protection-need')!;
    const { view } = await driveCase(server, opened.case.id, 'MX', {
      until: (v) => v.case.data['cr-alert'] !== undefined,
      extra: { 'cr-alert': withheld },
    });
    expect(view.case.data['cr-alert']!.outcome).toBe('withheld-protection-need');
    const origin = (
      await worker.get<{ case: { profile: { originCountry: string } } }>(`/api/cases/${opened.case.id}`)
    ).body.case.profile.originCountry;
    expect(origin).toMatch(/^[A-Z]{2}$/);

    const r = await worker.post<{ error: { code: string; message: string; details: unknown[] } }>(
      `/api/cases/${opened.case.id}/handovers`,
      { toCountry: origin, note: 'coordinación' },
    );
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('protection-need');
    expect(r.body.error.details).toEqual([{ country: origin, forms: ['cr-alert'] }]);
    const focal = await server.as(`focalpoint.${origin.toLowerCase()}`);
    expect((await focal.get<unknown[]>('/api/handovers')).body).toEqual([]);
    const after = await worker.get<CaseViewBody>(`/api/cases/${opened.case.id}`);
    expect(after.body.handovers).toEqual([]);

    // Another country (not the one the child fears) may still receive the case.
    const elsewhere = origin === 'SV' ? 'HN' : 'SV';
    const ok = await worker.post(`/api/cases/${opened.case.id}/handovers`, {
      toCountry: elsewhere,
      note: 'traslado',
    });
    expect(ok.status).toBe(201);
  });
});
