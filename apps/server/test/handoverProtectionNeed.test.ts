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

    // Nor, at this stage, to another country: not before the best-interest determination.
    const elsewhere = origin === 'SV' ? 'HN' : 'SV';
    const early = await worker.post<{ error: { code: string } }>(`/api/cases/${opened.case.id}/handovers`, {
      toCountry: elsewhere,
      note: 'traslado',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('handover-stage');

    // Once the best interest recommends a third country and the decision is taken, the case goes
    // there, never to the country the child fears.
    const bestInterest = (await formExamples(worker, opened.case.protocol, 'cr-best-interest')).find(
      (s) => s.recommendation === 'third-country',
    )!;
    const decision = (await formExamples(worker, opened.case.protocol, 'cr-decision')).find(
      (s) => s.decision === 'third-country',
    )!;
    await driveCase(server, opened.case.id, 'MX', {
      until: (v) => v.state.active.some((s) => s.path === 'solution.thirdCountryCoordination'),
      extra: { 'cr-best-interest': bestInterest, 'cr-decision': decision },
    });
    const again = await worker.post<{ error: { code: string } }>(`/api/cases/${opened.case.id}/handovers`, {
      toCountry: origin,
      note: 'coordinación',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('protection-need');
    const ok = await worker.post(`/api/cases/${opened.case.id}/handovers`, {
      toCountry: elsewhere,
      note: 'traslado',
    });
    expect(ok.status).toBe(201);
  });
});
