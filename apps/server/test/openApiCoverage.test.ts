import Ajv2020 from 'ajv/dist/2020.js';
import type { Express } from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../src/http/routes/allRoutes.js';
import { createApp } from '../src/http/createApp.js';
import { caseReadyForHandover, formExamples, openCase, type CaseViewBody } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';
import type { ApiResponse } from './helpers/apiClient.js';

type Doc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: { 'application/json': { schema: object } } }> }>
  >;
};

let server: TestServer;
let doc: Doc;
beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
  doc = (await server.anonymous().get<Doc>('/api/openapi.json')).body;
});
afterAll(async () => server?.close());

/** Every method and path Express routes, read from the app's own router. */
function expressRoutes(app: Express): string[] {
  const stack = (
    app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }
  ).router.stack;
  return stack
    .filter((l) => l.route)
    .flatMap((l) =>
      Object.keys(l.route!.methods).map(
        (m) => `${m.toUpperCase()} ${l.route!.path.replace(/:([A-Za-z]+)/g, '{$1}')}`,
      ),
    );
}

// Formats are not checked: the document's response schemas use none.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

/** Checks an answer against the document: its status is documented and its body matches the schema. */
function conforms(method: string, path: string, r: ApiResponse): string[] {
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (!op) return [`${method} ${path} is not documented`];
  const spec = op.responses[String(r.status)];
  if (!spec) return [`${method} ${path} answered ${r.status}, which is not documented`];
  const schema = spec.content?.['application/json']?.schema;
  if (!schema) return r.body === '' ? [] : [`${method} ${path} ${r.status} has a body but no schema`];
  const validate = ajv.compile(schema);
  return validate(r.body)
    ? []
    : (validate.errors ?? []).map((e) => `${method} ${path} ${r.status}: ${e.instancePath} ${e.message}`);
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every route Express serves', () => {
    const logger = pino({ level: 'silent' });
    const { app } = createApp({
      db: server.db,
      clock: server.services.clock,
      ids: server.services.ids,
      logger,
      config: server.config,
    });
    const served = expressRoutes(app).sort();
    expect(served.length).toBe(allRoutes.length);
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(documented).toEqual(served);
    expect((doc as unknown as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('describes what the server answers, successes and errors alike', async () => {
    const worker = await server.as('caseworker.gt');
    const supervisor = await server.as('supervisor.gt');
    const auditor = await server.as('auditor.gt');
    const focal = await server.as('focalpoint.gt');
    const designer = await server.as('designer.gt');
    const opened = await openCase(worker, 'child-repatriation-gt');
    const id = opened.case.id;
    const [objection] = await formExamples(worker, opened.case.protocol, 'cr-objection');
    const ready = (await caseReadyForHandover(server, 'GT', 'child-repatriation-gt')).case.id;
    const calls: [typeof worker, string, string, string, unknown?][] = [
      [worker, 'GET', '/api/auth/me', '/api/auth/me'],
      [worker, 'GET', '/api/protocols', '/api/protocols'],
      [
        worker,
        'GET',
        '/api/protocols/child-repatriation/versions/1',
        '/api/protocols/{id}/versions/{version}',
      ],
      [
        designer,
        'GET',
        '/api/protocols/child-repatriation/versions/1/verify',
        '/api/protocols/{id}/versions/{version}/verify',
      ],
      [
        designer,
        'GET',
        '/api/protocols/diff?a=child-repatriation@1&b=child-repatriation-gt@1',
        '/api/protocols/diff',
      ],
      [
        designer,
        'POST',
        '/api/protocols/child-repatriation/versions/1/variants',
        '/api/protocols/{id}/versions/{version}/variants',
        { jurisdiction: 'GT', id: 'child-repatriation-oa' },
      ],
      [designer, 'GET', '/api/protocol-drafts', '/api/protocol-drafts'],
      [worker, 'GET', '/api/cases', '/api/cases'],
      [worker, 'GET', `/api/cases/${id}`, '/api/cases/{caseId}'],
      [
        worker,
        'POST',
        `/api/cases/${id}/steps`,
        '/api/cases/{caseId}/steps',
        { event: 'WITHDRAW_CONSENT', data: objection, expectedVersion: 0 },
      ],
      [
        worker,
        'POST',
        `/api/cases/${id}/steps`,
        '/api/cases/{caseId}/steps',
        { event: 'WITHDRAW_CONSENT', data: objection, expectedVersion: 0 },
      ],
      [
        worker,
        'POST',
        `/api/cases/${id}/steps`,
        '/api/cases/{caseId}/steps',
        { event: 'CLOSE_CASE', expectedVersion: 1 },
      ],
      [worker, 'GET', `/api/cases/${id}/history`, '/api/cases/{caseId}/history'],
      [
        worker,
        'POST',
        `/api/cases/${id}/reveal`,
        '/api/cases/{caseId}/reveal',
        { form: 'cr-objection', field: 'reasons', reason: 'Needed for the hearing before the judge' },
      ],
      [
        supervisor,
        'POST',
        `/api/cases/${id}/assign`,
        '/api/cases/{caseId}/assign',
        { userId: '65f1c0ffee0000000000abcd', expectedVersion: 1 },
      ],
      [
        worker,
        'POST',
        `/api/cases/${ready}/handovers`,
        '/api/cases/{caseId}/handovers',
        { toCountry: 'SV', note: 'x' },
      ],
      [focal, 'GET', '/api/handovers', '/api/handovers'],
      [auditor, 'GET', `/api/cases/${id}/audit/chain`, '/api/cases/{caseId}/audit/chain'],
      [auditor, 'GET', `/api/cases/${id}/audit/replay`, '/api/cases/{caseId}/audit/replay'],
      [
        auditor,
        'POST',
        `/api/cases/${id}/audit/what-if`,
        '/api/cases/{caseId}/audit/what-if',
        { protocol: { id: 'child-repatriation', version: 1 } },
      ],
      [worker, 'GET', '/api/stats?by=sex', '/api/stats'],
      [worker, 'GET', '/api/focal-points?country=GT', '/api/focal-points'],
      [worker, 'GET', '/api/cases/nope', '/api/cases/{caseId}'],
      [server.anonymous(), 'GET', '/api/cases', '/api/cases'],
      [designer, 'GET', '/api/cases', '/api/cases'],
      [worker, 'GET', '/api/cases/65f1c0ffee0000000000abcd', '/api/cases/{caseId}'],
    ];
    const problems: string[] = [];
    const statuses = new Set<number>();
    for (const [client, method, url, path, body] of calls) {
      const r = await client.request(method, url, body);
      statuses.add(r.status);
      problems.push(...conforms(method, path, r));
    }
    expect(problems).toEqual([]);
    // The calls above cover successes and each kind of error.
    for (const s of [200, 201, 400, 401, 403, 404, 409, 422]) expect(statuses).toContain(s);
    const view = await worker.get<CaseViewBody>(`/api/cases/${ready}`);
    expect(view.body.handovers).toHaveLength(1);
  });
});
