import type { CaseView, ResolvedProtocol } from '../../src/api/types.js';
import { AVOID_EVENTS, steeringFirst } from '../../../../tests/support/steerCase.js';

/**
 * A logged-in API client for a demo user (password "ruta-demo"), over the Bearer token. A login
 * the server puts off because it is checking as many passwords as it can (429 logins-busy, other
 * suites logging in at the same moment) is tried again after the Retry-After it gives.
 */
export async function apiAs(base: string, username: string) {
  let login: Response;
  for (let attempt = 1; ; attempt++) {
    login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: 'ruta-demo' }),
    });
    const busy = login.status === 429 && (await login.clone().text()).includes('"logins-busy"');
    if (!busy || attempt === 10) break;
    const seconds = Number(login.headers.get('Retry-After') ?? '1');
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, seconds) * 1000));
  }
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  return {
    username,
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  };
}
export type ApiClient = Awaited<ReturnType<typeof apiAs>>;

/** A case opened as `username` under the newest published version of `protocolId`; its id. */
export async function openNewest(base: string, username: string, protocolId: string): Promise<string> {
  const worker = await driverSession(base, username);
  const versions = (await worker.get<{ id: string; version: number }[]>('/api/protocols')).body;
  const newest = versions.filter((p) => p.id === protocolId).sort((a, b) => b.version - a.version)[0];
  if (!newest) throw new Error(`no published protocol ${protocolId}`);
  const opened = await worker.post<CaseView>('/api/cases', {
    protocol: { id: newest.id, version: newest.version },
  });
  if (opened.status !== 201) throw new Error(`open ${protocolId} as ${username}: ${opened.status}`);
  return opened.body.case.id;
}

/** A form's sample submissions, those leading to return and closure first. */
export function samplesFor(protocol: ResolvedProtocol, formId: string): Record<string, unknown>[] {
  const examples = (protocol.forms[formId]?.examples ?? []) as Record<string, unknown>[];
  return steeringFirst(examples);
}

/** Events a driver never sends on its own: they turn a case back or sideways. */
export const AVOID = AVOID_EVENTS;

/**
 * The driver's logins, one per user and stack: many cases driven at once would otherwise log in
 * faster than the server checks passwords (429 logins-busy).
 */
const driverSessions = new Map<string, Promise<ApiClient>>();
function driverSession(base: string, username: string): Promise<ApiClient> {
  const key = `${base}|${username}`;
  let session = driverSessions.get(key);
  if (!session) {
    session = apiAs(base, username);
    driverSessions.set(key, session);
  }
  return session;
}

/**
 * Steps a case over the API as its country's case worker, supervisor and focal point would, with
 * the forms' sample submissions, until `until` holds. For setting up what a browser test is not
 * about.
 */
export async function driveCase(
  base: string,
  caseId: string,
  country: string,
  until: (view: CaseView) => boolean,
): Promise<CaseView> {
  const cc = country.toLowerCase();
  const clients = await Promise.all(
    ['caseworker', 'supervisor', 'focalpoint'].map((r) => driverSession(base, `${r}.${cc}`)),
  );
  let view = (await clients[0]!.get<CaseView>(`/api/cases/${caseId}`)).body;
  const protocol = (
    await clients[0]!.get<ResolvedProtocol>(
      `/api/protocols/${view.protocol.id}/versions/${view.protocol.version}`,
    )
  ).body;
  for (let i = 0; i < 60 && !until(view); i++) {
    let moved = false;
    for (const client of clients) {
      const v = (await client.get<CaseView>(`/api/cases/${caseId}`)).body;
      for (const action of v.available.filter((a) => a.ok && !AVOID.has(a.event))) {
        const attempts = action.form ? samplesFor(protocol, action.form) : [undefined];
        for (const data of attempts) {
          const r = await client.post<CaseView>(`/api/cases/${caseId}/steps`, {
            event: action.event,
            ...(data === undefined ? {} : { data }),
            expectedVersion: v.version,
          });
          if (r.status === 200) {
            view = r.body;
            moved = true;
            break;
          }
        }
        if (moved) break;
      }
      if (moved) break;
    }
    if (!moved) throw new Error(`case ${caseId} is stuck in ${JSON.stringify(view.state.value)}`);
  }
  return view;
}

/**
 * A case of `protocolId` opened by `username` (a case worker) and stepped to the coordination
 * between liaisons: the stage where the protocol allows a handover by hand. Its id.
 */
export async function caseReadyForHandover(
  base: string,
  username: string,
  protocolId = 'child-repatriation',
): Promise<string> {
  const caseId = await openNewest(base, username, protocolId);
  const country = username.split('.')[1]!.toUpperCase();
  await driveCase(base, caseId, country, (v) => v.available.some((a) => a.event === 'COORDINATED'));
  return caseId;
}
