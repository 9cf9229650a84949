import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './helpers/apiClient.js';
import { dbSnapshot } from './helpers/dbSnapshot.js';
import { formExamples, openCase, type CaseViewBody } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

interface ErrorBody {
  error: { code: string; message: string; details: unknown[] };
}

let server: TestServer;
let worker: ApiClient;
let supervisor: ApiClient;
let caseView: CaseViewBody;
let caseId: string;

beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url });
  worker = await server.as('caseworker.gt');
  supervisor = await server.as('supervisor.gt');
  await server.as('caseworker.sv');
  const opened = await openCase(worker, 'child-repatriation-gt');
  const detected = await worker.post<CaseViewBody>(`/api/cases/${opened.case.id}/steps`, {
    event: 'DETECT',
    expectedVersion: 0,
  });
  caseView = detected.body;
  caseId = caseView.case.id;
});
afterAll(async () => server?.close());

const UNKNOWN = '65f1c0ffee0000000000abcd';
const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

interface Row {
  name: string;
  as?: 'worker' | 'supervisor';
  method: string;
  path: () => string;
  body?: () => unknown;
  raw?: string;
  contentType?: string;
  status: number;
  code: string;
  /** The message must say this (what to fix). */
  says?: string;
}

const rows: Row[] = [
  {
    name: 'malformed JSON',
    method: 'POST',
    path: () => '/api/cases',
    raw: '{"protocol": ',
    status: 400,
    code: 'malformed-json',
    says: 'ends too early',
  },
  {
    name: 'trailing comma',
    method: 'POST',
    path: () => '/api/cases',
    raw: '{"protocol": {"id": "child-repatriation-gt", "version": 1,}}',
    status: 400,
    code: 'malformed-json',
    says: 'Trailing comma',
  },
  {
    name: 'NaN is not JSON',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    raw: '{"event":"SCREENED","expectedVersion":NaN}',
    status: 400,
    code: 'malformed-json',
  },
  {
    name: 'duplicate key',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    raw: '{"event":"SCREENED","event":"CLOSE_CASE","expectedVersion":1}',
    status: 400,
    code: 'malformed-json',
    says: 'twice',
  },
  {
    name: 'nesting 100 deep',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    raw: `{"event":"SCREENED","expectedVersion":1,"data":${nested(100)}}`,
    status: 400,
    code: 'malformed-json',
    says: 'nested',
  },
  {
    name: 'not JSON at all',
    method: 'POST',
    path: () => '/api/cases',
    raw: 'protocol=child-repatriation',
    contentType: 'text/plain',
    status: 400,
    code: 'invalid-input',
    says: 'send it as JSON with Content-Type: application/json',
  },
  {
    name: 'a form post',
    method: 'POST',
    path: () => '/api/cases',
    raw: 'protocol=child-repatriation',
    contentType: 'application/x-www-form-urlencoded',
    status: 400,
    code: 'invalid-input',
    says: '"application/x-www-form-urlencoded"',
  },
  {
    name: 'wrong types',
    method: 'POST',
    path: () => '/api/cases',
    body: () => ({ protocol: { id: 5, version: '1' } }),
    status: 400,
    code: 'invalid-input',
    says: 'body.protocol.id',
  },
  {
    name: 'expectedVersion as text',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    body: () => ({ event: 'SCREENED', expectedVersion: '1' }),
    status: 400,
    code: 'invalid-input',
    says: 'body.expectedVersion',
  },
  {
    name: 'negative expectedVersion',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    body: () => ({ event: 'SCREENED', expectedVersion: -1 }),
    status: 400,
    code: 'invalid-input',
    says: 'expectedVersion',
  },
  {
    name: 'no event',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    body: () => ({ expectedVersion: 1 }),
    status: 400,
    code: 'invalid-input',
    says: 'body.event',
  },
  {
    name: 'form data not an object',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    body: () => ({ event: 'SCREENED', data: [1, 2], expectedVersion: 1 }),
    status: 400,
    code: 'invalid-input',
    says: 'body.data',
  },
  {
    name: 'invalid ObjectId',
    method: 'GET',
    path: () => '/api/cases/not-an-id',
    status: 400,
    code: 'invalid-input',
    says: '24-character',
  },
  {
    name: 'invalid ObjectId on a write',
    method: 'POST',
    path: () => '/api/cases/123/steps',
    body: () => ({ event: 'DETECT', expectedVersion: 0 }),
    status: 400,
    code: 'invalid-input',
    says: 'path.caseId',
  },
  {
    name: 'unknown case',
    method: 'GET',
    path: () => `/api/cases/${UNKNOWN}`,
    status: 404,
    code: 'not-found',
  },
  {
    name: 'step on an unknown case',
    method: 'POST',
    path: () => `/api/cases/${UNKNOWN}/steps`,
    body: () => ({ event: 'DETECT', expectedVersion: 0 }),
    status: 404,
    code: 'not-found',
  },
  {
    name: 'unknown handover',
    method: 'GET',
    path: () => `/api/cases/${UNKNOWN}/history`,
    status: 404,
    code: 'not-found',
  },
  {
    name: '$gt in the body',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    body: () => ({ event: 'SCREENED', expectedVersion: { $gt: -1 } }),
    status: 400,
    code: 'unsafe-key',
    says: '$gt',
  },
  {
    name: '$where deep in form data',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    body: () => ({ event: 'SCREENED', expectedVersion: 1, data: { a: [{ b: { $where: 'sleep(1000)' } }] } }),
    status: 400,
    code: 'unsafe-key',
    says: '/data/a/0/b/$where',
  },
  {
    name: '__proto__ in the body',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    raw: '{"event":"SCREENED","expectedVersion":1,"data":{"__proto__":{"admin":true}}}',
    status: 400,
    code: 'unsafe-key',
    says: '__proto__',
  },
  {
    name: 'constructor in the body',
    method: 'POST',
    path: () => '/api/cases',
    raw: '{"protocol":{"id":"child-repatriation-gt","version":1,"constructor":{"prototype":{}}}}',
    status: 400,
    code: 'unsafe-key',
    says: 'constructor',
  },
  {
    name: '$gt in the query',
    method: 'GET',
    path: () => '/api/cases?assignee[$gt]=',
    status: 400,
    code: 'unsafe-key',
    says: 'assignee[$gt]',
  },
  {
    name: '$where in the query',
    method: 'GET',
    path: () => '/api/cases?$where=1',
    status: 400,
    code: 'unsafe-key',
    says: '$where',
  },
  {
    name: '__proto__ in the query',
    method: 'GET',
    path: () => '/api/cases?__proto__[admin]=1',
    status: 400,
    code: 'unsafe-key',
    says: '__proto__',
  },
  {
    name: 'bad query value',
    method: 'GET',
    path: () => '/api/cases?overdue=yes',
    status: 400,
    code: 'invalid-input',
    says: 'query.overdue',
  },
  {
    name: 'bad country filter',
    method: 'GET',
    path: () => '/api/cases?country=XX',
    status: 400,
    code: 'invalid-input',
    says: 'query.country',
  },
  {
    name: 'body over 256 kB',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    body: () => ({ event: 'SCREENED', expectedVersion: 1, data: { notes: 'x'.repeat(300_000) } }),
    status: 413,
    code: 'body-too-large',
    says: '256 kB',
  },
  {
    name: 'event that does not exist',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    body: () => ({ event: 'NOPE', expectedVersion: 1 }),
    status: 422,
    code: 'step-rejected',
    says: 'NOPE',
  },
  {
    name: 'event not allowed now',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    body: () => ({ event: 'CLOSE_CASE', expectedVersion: 1 }),
    status: 422,
    code: 'step-rejected',
    says: 'CLOSE_CASE',
  },
  {
    name: 'form missing every field',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    body: () => ({ event: 'SCREENED', data: {}, expectedVersion: 1 }),
    status: 422,
    code: 'step-rejected',
  },
  {
    name: 'stale expectedVersion',
    method: 'POST',
    path: () => `/api/cases/${caseId}/steps`,
    body: () => ({ event: 'DETECT', expectedVersion: 0 }),
    status: 409,
    code: 'stale-version',
    says: 'version 1',
  },
  {
    name: 'assign to another country',
    as: 'supervisor',
    method: 'POST',
    path: () => `/api/cases/${caseId}/assign`,
    body: () => ({ userId: UNKNOWN, expectedVersion: 1 }),
    status: 400,
    code: 'bad-assignee',
  },
  {
    name: 'stale assign',
    as: 'supervisor',
    method: 'POST',
    path: () => `/api/cases/${caseId}/assign`,
    body: () => ({ userId: UNKNOWN, expectedVersion: 7 }),
    status: 409,
    code: 'stale-version',
  },
  {
    name: 'reveal without a reason',
    method: 'POST',
    path: () => `/api/cases/${caseId}/reveal`,
    body: () => ({ form: 'cr-detection', field: 'childName', reason: 'x' }),
    status: 400,
    code: 'invalid-input',
    says: 'reason',
  },
  {
    name: 'reveal an unknown field',
    method: 'POST',
    path: () => `/api/cases/${caseId}/reveal`,
    body: () => ({ form: 'cr-detection', field: 'nope', reason: 'checking the record for the court' }),
    status: 400,
    code: 'unknown-field',
    says: 'nope',
  },
  {
    name: 'hand over to the same country',
    method: 'POST',
    path: () => `/api/cases/${caseId}/handovers`,
    body: () => ({ toCountry: 'GT', note: '' }),
    status: 400,
    code: 'same-country',
  },
  {
    name: 'hand over to no country',
    method: 'POST',
    path: () => `/api/cases/${caseId}/handovers`,
    body: () => ({ toCountry: 'XX' }),
    status: 400,
    code: 'invalid-input',
    says: 'toCountry',
  },
  {
    name: 'protocol version not a number',
    method: 'GET',
    path: () => '/api/protocols/child-repatriation/versions/abc',
    status: 400,
    code: 'invalid-input',
    says: 'path.version',
  },
  {
    name: 'unpublished protocol',
    method: 'GET',
    path: () => '/api/protocols/child-repatriation/versions/99',
    status: 404,
    code: 'not-found',
  },
  {
    name: 'open under an unpublished protocol',
    method: 'POST',
    path: () => '/api/cases',
    body: () => ({ protocol: { id: 'nope', version: 1 } }),
    status: 400,
    code: 'unknown-protocol',
  },
  {
    name: 'open under another country’s variant',
    method: 'POST',
    path: () => '/api/cases',
    body: () => ({ protocol: { id: 'child-repatriation-mx', version: 1 } }),
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'unknown statistics dimension',
    method: 'GET',
    path: () => '/api/stats?by=name',
    status: 400,
    code: 'invalid-input',
    says: 'query.by',
  },
  { name: 'unknown route', method: 'GET', path: () => '/api/nope', status: 404, code: 'no-such-route' },
];

describe('bad input gets a clear 4xx and changes nothing', () => {
  it.each(rows)('$name -> $status', async (row) => {
    const client = row.as === 'supervisor' ? supervisor : worker;
    const before = await dbSnapshot(server.services);
    const r = await client.request<ErrorBody>(row.method, row.path(), row.body?.(), {
      ...(row.raw !== undefined ? { raw: row.raw } : {}),
      ...(row.contentType ? { headers: { 'content-type': row.contentType } } : {}),
    });
    expect(r.status).toBe(row.status);
    expect(r.body.error.code).toBe(row.code);
    expect(r.body.error.message.length).toBeGreaterThan(10);
    if (row.says) expect(r.body.error.message).toContain(row.says);
    expect(await dbSnapshot(server.services)).toBe(before);
  });

  it('answers 422 with every reason the engine gives, field by field', async () => {
    const data = { screeningResult: 'presumed-victim' };
    const r = await worker.post<ErrorBody>(`/api/cases/${caseId}/steps`, {
      event: 'SCREENED',
      data,
      expectedVersion: 1,
    });
    expect(r.status).toBe(422);
    const reasons = r.body.error.details as { code: string; path?: string }[];
    const missing = reasons.filter((x) => x.code === 'form-invalid');
    expect(missing.length).toBeGreaterThan(3);
    expect(JSON.stringify(missing)).toContain('detectedAt');
  });

  it('still takes a good step afterwards', async () => {
    const [sample] = await formExamples(worker, caseView.case.protocol, 'cr-detection');
    const r = await worker.post<CaseViewBody>(`/api/cases/${caseId}/steps`, {
      event: 'SCREENED',
      data: sample,
      expectedVersion: 1,
    });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(2);
  });
});
