import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../src/http/routes/allRoutes.js';
import { DEMO_PASSWORD } from '../src/seedData.js';
import { ApiClient } from './helpers/apiClient.js';
import { caseReadyForHandover, formExamples, openCase, type CaseViewBody } from './helpers/factories.js';
import { startTestServer, type TestServer } from './helpers/startTestServer.js';

type Role = 'designer' | 'caseworker' | 'supervisor' | 'auditor' | 'focalpoint' | 'admin';
type Scope = 'own' | 'other' | 'regional';
const ROLES: Role[] = ['designer', 'caseworker', 'supervisor', 'auditor', 'focalpoint', 'admin'];
/** Own country: Guatemala, where every fixture lives. Other: El Salvador. Regional: the regional users. */
const COUNTRY: Record<Scope, string> = { own: 'gt', other: 'sv', regional: 'regional' };
const REGIONAL_ROLES: Role[] = ['designer', 'auditor', 'admin'];

/**
 * What each role gets, as "own other [regional]": a user of Guatemala on Guatemala's fixtures,
 * a user of El Salvador on the same fixtures, and (designer, auditor, admin) a regional user.
 * Anonymous callers get 401 everywhere but the public routes.
 */
// prettier-ignore
const TABLE: Record<string, Record<Role, string>> = {
  'POST /api/auth/login':                             { designer: '200 200 200', caseworker: '200 200', supervisor: '200 200', auditor: '200 200 200', focalpoint: '200 200', admin: '200 200 200' },
  'POST /api/auth/logout':                            { designer: '204 204 204', caseworker: '204 204', supervisor: '204 204', auditor: '204 204 204', focalpoint: '204 204', admin: '204 204 204' },
  'POST /api/auth/password':                          { designer: '400 400 400', caseworker: '400 400', supervisor: '400 400', auditor: '400 400 400', focalpoint: '400 400', admin: '400 400 400' },
  'GET /api/auth/me':                                 { designer: '200 200 200', caseworker: '200 200', supervisor: '200 200', auditor: '200 200 200', focalpoint: '200 200', admin: '200 200 200' },
  'GET /api/protocols':                               { designer: '200 200 200', caseworker: '200 200', supervisor: '200 200', auditor: '200 200 200', focalpoint: '200 200', admin: '200 200 200' },
  'GET /api/protocols/diff':                          { designer: '200 200 200', caseworker: '403 403', supervisor: '403 403', auditor: '200 200 200', focalpoint: '403 403', admin: '200 200 200' },
  'GET /api/protocols/:id/versions/:version':         { designer: '200 200 200', caseworker: '200 200', supervisor: '200 200', auditor: '200 200 200', focalpoint: '200 200', admin: '200 200 200' },
  'GET /api/protocols/:id/versions/:version/verify':  { designer: '200 200 200', caseworker: '403 403', supervisor: '403 403', auditor: '200 200 200', focalpoint: '403 403', admin: '200 200 200' },
  'POST /api/protocols/:id/versions/:version/variants': { designer: '201 403 400', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '403 403', admin: '403 403 403' },
  'POST /api/protocol-drafts':                        { designer: '201 403 201', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '403 403', admin: '403 403 403' },
  'GET /api/protocol-drafts':                         { designer: '200 200 200', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '403 403', admin: '403 403 403' },
  'GET /api/protocol-drafts/:draftId':                { designer: '200 404 404', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '403 403', admin: '403 403 403' },
  'PUT /api/protocol-drafts/:draftId':                { designer: '200 404 404', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '403 403', admin: '403 403 403' },
  'POST /api/protocol-drafts/:draftId/discard':       { designer: '204 404 404', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '403 403', admin: '403 403 403' },
  'POST /api/protocol-drafts/:draftId/verify':        { designer: '200 404 404', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '403 403', admin: '403 403 403' },
  'POST /api/protocol-drafts/:draftId/publish':       { designer: '201 404 404', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '403 403', admin: '403 403 403' },
  'POST /api/cases':                                  { designer: '403 403 403', caseworker: '201 403', supervisor: '201 403', auditor: '403 403 403', focalpoint: '403 403', admin: '403 403 403' },
  'GET /api/cases':                                   { designer: '403 403 403', caseworker: '200 403', supervisor: '200 403', auditor: '200 403 200', focalpoint: '200 403', admin: '403 403 403' },
  'GET /api/cases/:caseId':                           { designer: '403 403 403', caseworker: '200 404', supervisor: '200 404', auditor: '200 404 200', focalpoint: '200 404', admin: '403 403 403' },
  'POST /api/cases/:caseId/steps':                    { designer: '403 403 403', caseworker: '200 404', supervisor: '200 404', auditor: '403 403 403', focalpoint: '422 404', admin: '403 403 403' },
  'GET /api/cases/:caseId/history':                   { designer: '403 403 403', caseworker: '200 404', supervisor: '200 404', auditor: '200 404 200', focalpoint: '200 404', admin: '403 403 403' },
  'POST /api/cases/:caseId/reveal':                   { designer: '403 403 403', caseworker: '200 404', supervisor: '200 404', auditor: '200 404 200', focalpoint: '200 404', admin: '403 403 403' },
  'POST /api/cases/:caseId/assign':                   { designer: '403 403 403', caseworker: '403 403', supervisor: '200 404', auditor: '403 403 403', focalpoint: '403 403', admin: '403 403 403' },
  'POST /api/cases/:caseId/migrate':                  { designer: '403 403 403', caseworker: '403 403', supervisor: '200 404', auditor: '403 403 403', focalpoint: '403 403', admin: '403 403 403' },
  'POST /api/cases/:caseId/handovers':                { designer: '403 403 403', caseworker: '201 404', supervisor: '201 404', auditor: '403 403 403', focalpoint: '201 404', admin: '403 403 403' },
  'GET /api/handovers':                               { designer: '403 403 403', caseworker: '200 200', supervisor: '200 200', auditor: '200 200 200', focalpoint: '200 200', admin: '403 403 403' },
  'GET /api/handovers/:id':                           { designer: '403 403 403', caseworker: '200 404', supervisor: '200 404', auditor: '200 404 200', focalpoint: '200 404', admin: '403 403 403' },
  'POST /api/handovers/:id/accept':                   { designer: '403 403 403', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '200 403', admin: '403 403 403' },
  'POST /api/handovers/:id/decline':                  { designer: '403 403 403', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '200 403', admin: '403 403 403' },
  'GET /api/cases/:caseId/audit/chain':               { designer: '403 403 403', caseworker: '403 403', supervisor: '200 404', auditor: '200 404 200', focalpoint: '403 403', admin: '403 403 403' },
  'GET /api/cases/:caseId/audit/replay':              { designer: '403 403 403', caseworker: '403 403', supervisor: '200 404', auditor: '200 404 200', focalpoint: '403 403', admin: '403 403 403' },
  'POST /api/cases/:caseId/audit/what-if':            { designer: '403 403 403', caseworker: '403 403', supervisor: '200 404', auditor: '200 404 200', focalpoint: '403 403', admin: '403 403 403' },
  'GET /api/audit/integrity':                         { designer: '403 403 403', caseworker: '403 403', supervisor: '200 200', auditor: '200 200 200', focalpoint: '403 403', admin: '403 403 403' },
  'POST /api/audit/integrity/sweep':                  { designer: '403 403 403', caseworker: '403 403', supervisor: '202 202', auditor: '202 202 202', focalpoint: '403 403', admin: '403 403 403' },
  'GET /api/stats':                                   { designer: '200 200 200', caseworker: '200 200', supervisor: '200 200', auditor: '200 200 200', focalpoint: '200 200', admin: '200 200 200' },
  'GET /api/focal-points':                            { designer: '200 200 200', caseworker: '200 200', supervisor: '200 200', auditor: '200 200 200', focalpoint: '200 200', admin: '200 200 200' },
  'GET /api/notifications':                           { designer: '403 403 403', caseworker: '403 403', supervisor: '200 200', auditor: '403 403 403', focalpoint: '200 200', admin: '403 403 403' },
  'GET /api/notifications/unread':                    { designer: '403 403 403', caseworker: '403 403', supervisor: '200 200', auditor: '403 403 403', focalpoint: '200 200', admin: '403 403 403' },
  'GET /api/account-log':                             { designer: '403 403 403', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '403 403', admin: '200 200 200' },
  'GET /api/users':                                    { designer: '403 403 403', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '403 403', admin: '200 200 200' },
  'POST /api/users':                                   { designer: '403 403 403', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '403 403', admin: '201 403 201' },
  'PUT /api/users/:userId':                            { designer: '403 403 403', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '403 403', admin: '200 404 200' },
  'POST /api/users/:userId/password':                  { designer: '403 403 403', caseworker: '403 403', supervisor: '403 403', auditor: '403 403 403', focalpoint: '403 403', admin: '204 404 204' },
  'POST /api/notifications/:id/read':                  { designer: '403 403 403', caseworker: '403 403', supervisor: '204 404', auditor: '403 403 403', focalpoint: '204 404', admin: '403 403 403' },
  'GET /api/openapi.json':                            { designer: '200 200 200', caseworker: '200 200', supervisor: '200 200', auditor: '200 200 200', focalpoint: '200 200', admin: '200 200 200' },
};
const PUBLIC = new Set(['POST /api/auth/login', 'GET /api/openapi.json']);

interface Caller {
  role: Role;
  scope: Scope;
  username: string;
  /** The caller's country code, upper case, or REGIONAL. */
  country: string;
}
interface Req {
  method: string;
  path: string;
  body?: unknown;
}

let server: TestServer;
let gtWorker: ApiClient;
let svWorker: ApiClient;
let gtDesigner: ApiClient;
let regionalAdmin: ApiClient;
let gtAlertId: string;
let gtCase: CaseViewBody;
let gtDraftId: string;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

async function version(caseId: string): Promise<number> {
  return (await server.services.repos.cases.find(caseId))!.cur.seq;
}
async function freshGtCase(): Promise<CaseViewBody> {
  return openCase(gtWorker, 'child-repatriation-gt');
}
/**
 * A handover from a Salvadoran case to Guatemala, waiting for Guatemala's focal point. Cases are
 * stepped to the coordination between liaisons first (the only stage that allows a handover), so
 * one still waiting is given again, and a declined one's case is handed over again.
 */
let toGt: { caseId: string; id: string } | undefined;
async function freshHandoverToGt(): Promise<string> {
  const last = toGt && (await server.services.repos.handovers.find(toGt.id));
  if (toGt && last?.status === 'pending') return toGt.id;
  const caseId =
    toGt && last?.status === 'declined'
      ? toGt.caseId
      : (await caseReadyForHandover(server, 'SV', 'child-repatriation-sv')).case.id;
  const r = await svWorker.post<{ id: string }>(`/api/cases/${caseId}/handovers`, {
    toCountry: 'GT',
    note: 'test',
  });
  if (r.status !== 201) throw new Error(`handover to GT: ${r.status} ${JSON.stringify(r.body)}`);
  toGt = { caseId, id: r.body.id };
  return r.body.id;
}

/** A handover from Guatemala to Honduras, made once: El Salvador has nothing to do with it. */
let gtToHn: Promise<string> | undefined;
function handoverGtToHn(): Promise<string> {
  gtToHn ??= (async () => {
    const c = await caseReadyForHandover(server, 'GT', 'child-repatriation-gt');
    const r = await gtWorker.post<{ id: string }>(`/api/cases/${c.case.id}/handovers`, {
      toCountry: 'HN',
      note: 'test',
    });
    return r.body.id;
  })();
  return gtToHn;
}

/**
 * A Guatemalan case at the coordination between liaisons and a country it has not been handed to
 * yet: each case serves every other country once.
 */
let readyGt: { caseId: string; countries: string[] } | undefined;
async function gtCaseToHandOver(): Promise<{ caseId: string; toCountry: string }> {
  if (!readyGt || readyGt.countries.length === 0) {
    const c = await caseReadyForHandover(server, 'GT', 'child-repatriation-gt');
    readyGt = { caseId: c.case.id, countries: ['HN', 'SV', 'MX', 'CR', 'PA', 'BZ', 'NI', 'DO'] };
  }
  return { caseId: readyGt.caseId, toCountry: readyGt.countries.shift()! };
}

/** A new Guatemalan case worker's account, for the calls that change one. */
async function freshGtUser(): Promise<string> {
  const r = await regionalAdmin.post<{ id: string }>('/api/users', {
    username: `worker.${unique()}.gt`,
    name: 'Ana López',
    role: 'caseworker',
    country: 'GT',
    password: 'tres palabras largas',
  });
  return r.body.id;
}

/** How to call each route as a caller, with fresh fixtures where the call changes them. */
const REQUESTS: Record<string, (c: Caller) => Promise<Req>> = {
  'POST /api/auth/login': async (c) => ({
    method: 'POST',
    path: '/api/auth/login',
    body: { username: c.username, password: DEMO_PASSWORD },
  }),
  'POST /api/auth/logout': async () => ({ method: 'POST', path: '/api/auth/logout' }),
  'GET /api/auth/me': async () => ({ method: 'GET', path: '/api/auth/me' }),
  'GET /api/protocols': async () => ({ method: 'GET', path: '/api/protocols' }),
  'GET /api/protocols/diff': async () => ({
    method: 'GET',
    path: '/api/protocols/diff?a=child-repatriation@1&b=child-repatriation-gt@1',
  }),
  'GET /api/protocols/:id/versions/:version': async () => ({
    method: 'GET',
    path: '/api/protocols/child-repatriation/versions/1',
  }),
  'GET /api/protocols/:id/versions/:version/verify': async () => ({
    method: 'GET',
    path: '/api/protocols/child-repatriation/versions/1/verify',
  }),
  'POST /api/protocols/:id/versions/:version/variants': async (c) => ({
    method: 'POST',
    path: '/api/protocols/child-repatriation/versions/1/variants',
    body: { jurisdiction: c.scope === 'other' ? 'GT' : c.country, id: `child-repatriation-t${unique()}` },
  }),
  'POST /api/protocol-drafts': async (c) => ({
    method: 'POST',
    path: '/api/protocol-drafts',
    body: {
      file: {
        kind: 'variant',
        id: `child-repatriation-t${unique()}`,
        version: 1,
        jurisdiction: c.scope === 'other' ? 'GT' : c.country,
        base: 'child-repatriation@1',
        title: { es: 'Prueba', en: 'Test' },
        changes: [],
      },
    },
  }),
  'GET /api/protocol-drafts': async () => ({ method: 'GET', path: '/api/protocol-drafts' }),
  'GET /api/protocol-drafts/:draftId': async () => ({
    method: 'GET',
    path: `/api/protocol-drafts/${gtDraftId}`,
  }),
  'PUT /api/protocol-drafts/:draftId': async () => {
    const d = await gtDesigner.get<{ file: unknown; revision: number }>(`/api/protocol-drafts/${gtDraftId}`);
    return {
      method: 'PUT',
      path: `/api/protocol-drafts/${gtDraftId}`,
      body: { file: d.body.file, expectedRevision: d.body.revision },
    };
  },
  'POST /api/protocol-drafts/:draftId/discard': async () => {
    const d = await gtDesigner.post<{ id: string; revision: number }>(
      '/api/protocols/child-repatriation/versions/1/variants',
      { jurisdiction: 'GT', id: `child-repatriation-d${unique()}` },
    );
    return {
      method: 'POST',
      path: `/api/protocol-drafts/${d.body.id}/discard`,
      body: { expectedRevision: d.body.revision },
    };
  },
  'POST /api/protocol-drafts/:draftId/verify': async () => ({
    method: 'POST',
    path: `/api/protocol-drafts/${gtDraftId}/verify`,
  }),
  'POST /api/protocol-drafts/:draftId/publish': async () => {
    const d = await gtDesigner.post<{ id: string }>('/api/protocols/child-repatriation/versions/1/variants', {
      jurisdiction: 'GT',
      id: `child-repatriation-p${unique()}`,
    });
    return { method: 'POST', path: `/api/protocol-drafts/${d.body.id}/publish` };
  },
  'POST /api/cases': async () => ({
    method: 'POST',
    path: '/api/cases',
    body: { protocol: { id: 'child-repatriation-gt', version: 1 } },
  }),
  'GET /api/cases': async (c) => ({
    method: 'GET',
    path: c.scope === 'other' ? '/api/cases?country=GT' : '/api/cases',
  }),
  'GET /api/cases/:caseId': async () => ({ method: 'GET', path: `/api/cases/${gtCase.case.id}` }),
  'POST /api/cases/:caseId/steps': async () => {
    const [objection] = await formExamples(gtWorker, gtCase.case.protocol, 'cr-objection');
    return {
      method: 'POST',
      path: `/api/cases/${gtCase.case.id}/steps`,
      body: { event: 'WITHDRAW_CONSENT', data: objection, expectedVersion: await version(gtCase.case.id) },
    };
  },
  'GET /api/cases/:caseId/history': async () => ({
    method: 'GET',
    path: `/api/cases/${gtCase.case.id}/history`,
  }),
  'POST /api/cases/:caseId/reveal': async () => ({
    method: 'POST',
    path: `/api/cases/${gtCase.case.id}/reveal`,
    body: {
      form: 'cr-objection',
      field: 'reasons',
      reason: 'Preparing the hearing of the child before the judge',
    },
  }),
  'POST /api/cases/:caseId/assign': async () => ({
    method: 'POST',
    path: `/api/cases/${gtCase.case.id}/assign`,
    body: {
      userId: (await server.services.repos.users.findByUsername('caseworker.gt'))!._id,
      expectedVersion: await version(gtCase.case.id),
    },
  }),
  'POST /api/cases/:caseId/migrate': async () => {
    const c = await freshGtCase();
    return {
      method: 'POST',
      path: `/api/cases/${c.case.id}/migrate`,
      body: {
        to: { id: 'child-repatriation', version: 1 },
        mapping: { intake: 'intake' },
        expectedVersion: 0,
      },
    };
  },
  'POST /api/cases/:caseId/handovers': async () => {
    const { caseId, toCountry } = await gtCaseToHandOver();
    return {
      method: 'POST',
      path: `/api/cases/${caseId}/handovers`,
      body: { toCountry, note: 'test' },
    };
  },
  'GET /api/handovers': async () => ({ method: 'GET', path: '/api/handovers' }),
  'GET /api/handovers/:id': async () => ({ method: 'GET', path: `/api/handovers/${await handoverGtToHn()}` }),
  'POST /api/handovers/:id/accept': async () => {
    const [receipt] = await formExamples(
      gtWorker,
      { id: 'child-repatriation-gt', version: 1 },
      'cr-handover-receipt',
    );
    // Who sent it, and what the sending case recorded, come from the handover itself.
    const { sendingCountry: _from, sendingCaseReference: _ref, ...sample } = receipt!;
    const id = await freshHandoverToGt();
    const packet = JSON.parse((await server.services.repos.handovers.find(id))!.packet) as {
      data: Record<string, Record<string, unknown>>;
    };
    const attested = new Set(Object.values(packet.data).flatMap((form) => Object.keys(form)));
    const data = Object.fromEntries(Object.entries(sample).filter(([k]) => !attested.has(k)));
    return { method: 'POST', path: `/api/handovers/${id}/accept`, body: { data } };
  },
  'POST /api/handovers/:id/decline': async () => ({
    method: 'POST',
    path: `/api/handovers/${await freshHandoverToGt()}/decline`,
    body: { reason: 'The child is not from this country' },
  }),
  'GET /api/cases/:caseId/audit/chain': async () => ({
    method: 'GET',
    path: `/api/cases/${gtCase.case.id}/audit/chain`,
  }),
  'GET /api/cases/:caseId/audit/replay': async () => ({
    method: 'GET',
    path: `/api/cases/${gtCase.case.id}/audit/replay`,
  }),
  'POST /api/cases/:caseId/audit/what-if': async () => ({
    method: 'POST',
    path: `/api/cases/${gtCase.case.id}/audit/what-if`,
    body: { protocol: { id: 'child-repatriation', version: 1 } },
  }),
  'GET /api/audit/integrity': async () => ({ method: 'GET', path: '/api/audit/integrity' }),
  'POST /api/audit/integrity/sweep': async () => ({ method: 'POST', path: '/api/audit/integrity/sweep' }),
  'GET /api/stats': async () => ({ method: 'GET', path: '/api/stats?by=protocol' }),
  'GET /api/focal-points': async () => ({ method: 'GET', path: '/api/focal-points' }),
  'GET /api/notifications': async () => ({ method: 'GET', path: '/api/notifications' }),
  'GET /api/notifications/unread': async () => ({ method: 'GET', path: '/api/notifications/unread' }),
  'GET /api/users': async () => ({ method: 'GET', path: '/api/users' }),
  // A wrong current password (a right one would end the sessions the other rows use).
  'POST /api/auth/password': async () => ({
    method: 'POST',
    path: '/api/auth/password',
    body: { currentPassword: 'not the password', newPassword: 'otra clave de tres palabras' },
  }),
  'GET /api/account-log': async () => ({ method: 'GET', path: '/api/account-log' }),
  'POST /api/users': async () => ({
    method: 'POST',
    path: '/api/users',
    body: {
      username: `worker.${unique()}.gt`,
      name: 'Ana López',
      role: 'caseworker',
      country: 'GT',
      password: 'tres palabras largas',
    },
  }),
  'PUT /api/users/:userId': async () => ({
    method: 'PUT',
    path: `/api/users/${await freshGtUser()}`,
    body: { name: 'Ana María López', role: 'supervisor', disabled: false, expectedUpdatedAt: null },
  }),
  'POST /api/users/:userId/password': async () => ({
    method: 'POST',
    path: `/api/users/${await freshGtUser()}/password`,
    body: { password: 'otras tres palabras' },
  }),
  'POST /api/notifications/:id/read': async () => ({
    method: 'POST',
    path: `/api/notifications/${gtAlertId}/read`,
  }),
  'GET /api/openapi.json': async () => ({ method: 'GET', path: '/api/openapi.json' }),
};

/** A fresh session for each call, so logging out in one row does not affect the next. */
async function login(username: string): Promise<ApiClient> {
  const r = await new ApiClient(server.url).post<{ token: string }>('/api/auth/login', {
    username,
    password: DEMO_PASSWORD,
  });
  return new ApiClient(server.url, r.body.token);
}

beforeAll(async () => {
  server = await startTestServer({ file: import.meta.url, config: { loginMaxFailures: 1000 } });
  gtWorker = await server.as('caseworker.gt');
  svWorker = await server.as('caseworker.sv');
  gtDesigner = await server.as('designer.gt');
  regionalAdmin = await server.as('admin.regional');
  gtCase = await freshGtCase();
  gtAlertId = `${gtCase.case.id}:1:0`;
  await server.services.repos.notifications.put({
    _id: gtAlertId,
    country: 'GT',
    caseId: gtCase.case.id,
    caseCountry: 'GT',
    reason: { es: 'Aviso de prueba', en: 'Test alert' },
    at: '2025-01-01T00:00:00.000Z',
  });
  const draft = await gtDesigner.post<{ id: string }>(
    '/api/protocols/child-repatriation/versions/1/variants',
    {
      jurisdiction: 'GT',
      id: 'child-repatriation-matrix',
    },
  );
  gtDraftId = draft.body.id;
});
afterAll(async () => server?.close());

const routeKey = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

describe('authorisation: every route, every role, own and other country', () => {
  it('has a row for every route the app serves', () => {
    expect(Object.keys(TABLE).sort()).toEqual(allRoutes.map(routeKey).sort());
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(TABLE).sort());
  });

  const rows = Object.keys(TABLE).flatMap((route) =>
    ROLES.flatMap((role) => {
      const expected = TABLE[route]![role].split(' ').map(Number);
      const scopes: Scope[] = REGIONAL_ROLES.includes(role) ? ['own', 'other', 'regional'] : ['own', 'other'];
      return scopes.map((scope, i) => ({ route, role, scope, status: expected[i]! }));
    }),
  );

  it.each(rows)('$route as $role ($scope) -> $status', async ({ route, role, scope, status }) => {
    const username = `${role}.${COUNTRY[scope]}`;
    const caller: Caller = { role, scope, username, country: COUNTRY[scope].toUpperCase() };
    const req = await REQUESTS[route]!(caller);
    const client = await login(username);
    const r = await client.request(req.method, req.path, req.body);
    expect({ status: r.status, body: r.status === status ? null : r.body }).toEqual({ status, body: null });
  });

  it.each(Object.keys(TABLE).filter((r) => !PUBLIC.has(r)))('%s without logging in -> 401', async (route) => {
    const req = await REQUESTS[route]!({
      role: 'caseworker',
      scope: 'own',
      username: 'caseworker.gt',
      country: 'GT',
    });
    const r = await server.anonymous().request<{ error: { code: string } }>(req.method, req.path, req.body);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthenticated');
  });
});
