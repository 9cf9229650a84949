// A case is handed over by hand to another country only at the stages its protocol allows
// (meta.handover: the coordination between liaisons, after the best-interest determination and
// the risk assessment for a child, after informed consent for an adult); elsewhere the server
// answers 409 handover-stage, naming the stage and those that allow it, and writes nothing. The
// refusal to hand a person who fears persecution to their country of origin reads the answers
// the protocol declares (x-protectionNeed), so a national variant that words them its own way
// keeps the protection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbSnapshot } from './helpers/dbSnapshot.js';
import { driveCase, formExamples, openCase } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown>[] };
}
interface Resolved {
  guards: Record<string, { logic: unknown; description: { es: string; en: string } }>;
  forms: Record<string, Record<string, unknown>>;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
});
afterAll(async () => server?.close());

describe('a handover by hand at a stage the protocol does not allow', () => {
  it('is refused with 409 naming the stage and the stages that allow it, and nothing is written', async () => {
    const worker = await server.as('caseworker.gt');
    const opened = await openCase(worker, 'child-repatriation-gt');
    const before = await dbSnapshot(server.services);
    const r = await worker.post<ErrorBody>(`/api/cases/${opened.case.id}/handovers`, {
      toCountry: 'HN',
      note: 'Antes de la determinación del interés superior',
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('handover-stage');
    expect(r.body.error.message).toContain('"Case intake" (intake)');
    expect(r.body.error.message).toContain('"Coordination between liaisons" (solution.coordination)');
    expect(r.body.error.details).toEqual([
      {
        stage: 'intake',
        stageTitle: { es: 'Ingreso del caso', en: 'Case intake' },
        handoverStages: [
          {
            path: 'solution.coordination',
            title: { es: 'Coordinación entre enlaces', en: 'Coordination between liaisons' },
          },
          {
            path: 'solution.thirdCountryCoordination',
            title: { es: 'Coordinación con el tercer país', en: 'Coordination with the third country' },
          },
        ],
      },
    ]);
    expect(await dbSnapshot(server.services)).toBe(before);
    expect((await (await server.as('focalpoint.hn')).get<unknown[]>('/api/handovers')).body).toEqual([]);
  });

  it('is refused during the risk assessment too, and accepted once the case reaches the coordination', async () => {
    const worker = await server.as('caseworker.gt');
    const opened = await openCase(worker, 'child-repatriation-gt');
    await driveCase(server, opened.case.id, 'GT', {
      until: (v) => v.state.active.some((s) => s.path === 'solution.riskAssessment'),
    });
    const early = await worker.post<ErrorBody>(`/api/cases/${opened.case.id}/handovers`, {
      toCountry: 'SV',
      note: 'Antes de la evaluación de riesgos',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.details[0]).toMatchObject({ stage: 'solution.riskAssessment' });

    await driveCase(server, opened.case.id, 'GT', {
      until: (v) => v.available.some((a) => a.event === 'COORDINATED'),
    });
    const sent = await worker.post<{ toCountry: string; status: string }>(
      `/api/cases/${opened.case.id}/handovers`,
      { toCountry: 'SV', note: 'Coordinado entre enlaces' },
    );
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ toCountry: 'SV', status: 'pending' });
  });

  it('is refused at every stage of a protocol that allows none, saying so', async () => {
    const worker = await server.as('caseworker.gt');
    const opened = await openCase(worker, 'migration-regularisation');
    const r = await worker.post<ErrorBody>(`/api/cases/${opened.case.id}/handovers`, {
      toCountry: 'PA',
      note: 'x',
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('handover-stage');
    expect(r.body.error.details[0]).toMatchObject({ handoverStages: [] });
    expect(r.body.error.message).toContain('allows it at no stage');
  });
});

describe('a national variant that words the protection-need answer its own way', () => {
  const REWORDED = 'no-enviada-solicita-refugio';
  const reword = <T>(v: T): T =>
    JSON.parse(JSON.stringify(v).replaceAll('withheld-protection-need', REWORDED)) as T;

  it('still keeps the child from being handed over to the country of origin', async () => {
    const designer = await server.as('designer.hn');
    const regional = (await designer.get<Resolved>('/api/protocols/child-repatriation/versions/1')).body;
    const created = await designer.post<{ id: string; file: Record<string, unknown> }>(
      '/api/protocols/child-repatriation/versions/1/variants',
      { jurisdiction: 'HN' },
    );
    expect(created.status).toBe(201);
    const changes = [
      { op: 'replaceForm', form: { ...reword(regional.forms['cr-alert']), $schema: undefined } },
      { op: 'setGuard', name: 'alertWithheld', guard: reword(regional.guards.alertWithheld) },
      { op: 'setGuard', name: 'decideReturn', guard: reword(regional.guards.decideReturn) },
    ];
    const saved = await designer.put(`/api/protocol-drafts/${created.body.id}`, {
      file: { ...created.body.file, changes },
      expectedRevision: 1,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const published = await designer.post(`/api/protocol-drafts/${created.body.id}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(201);

    const worker = await server.as('caseworker.hn');
    const opened = await openCase(worker, 'child-repatriation-hn');
    const samples = await formExamples(worker, opened.case.protocol, 'cr-alert');
    const withheld = samples.find((s) => s.outcome === REWORDED)!;
    expect(withheld).toBeDefined();
    const { view } = await driveCase(server, opened.case.id, 'HN', {
      until: (v) => v.case.data['cr-alert'] !== undefined,
      extra: { 'cr-alert': withheld },
    });
    expect(view.case.data['cr-alert']!.outcome).toBe(REWORDED);
    const origin = (
      await worker.get<{ case: { profile: { originCountry: string } } }>(`/api/cases/${opened.case.id}`)
    ).body.case.profile.originCountry;
    expect(origin).toMatch(/^[A-Z]{2}$/);

    const before = await dbSnapshot(server.services);
    const r = await worker.post<ErrorBody>(`/api/cases/${opened.case.id}/handovers`, {
      toCountry: origin,
      note: 'retorno',
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('protection-need');
    expect(r.body.error.details).toEqual([{ country: origin, forms: ['cr-alert'] }]);
    expect(await dbSnapshot(server.services)).toBe(before);
  });
});
