import type { ApiClient } from './apiClient.js';
import type { TestServer } from './startTestServer.js';
import { AVOID_EVENTS, steeringFirst } from '../../../../tests/support/steerCase.js';

/** The parts of a CaseView the tests read. */
export interface CaseViewBody {
  case: {
    id: string;
    country: string;
    status: 'active' | 'closed';
    value: unknown;
    data: Record<string, Record<string, unknown>>;
    protocol: { id: string; version: number; jurisdiction: string };
    timers: { event: string; dueAt: string; state: string }[];
    seq: number;
    head: string;
  };
  version: number;
  protocol: { id: string; version: number; jurisdiction: string };
  state: { value: unknown; active: { path: string; form?: string }[] };
  available: { event: string; ok: boolean; form?: string }[];
  linked: { caseId: string; country: string; relation: string; protocol: { id: string; version: number } }[];
  handovers: { id: string; toCountry: string; status: string }[];
  assignee: string | null;
}

interface ProtocolListItem {
  id: string;
  version: number;
  jurisdiction: string;
  status: string;
}

/** The newest published version of a protocol. */
/** An account as GET /api/users lists it. */
export interface AdminUser {
  id: string;
  username: string;
  name: string;
  role: string;
  country: string;
  disabled: boolean;
  updatedAt: string | null;
}

export async function latestVersion(client: ApiClient, id: string): Promise<number> {
  const r = await client.get<ProtocolListItem[]>('/api/protocols');
  const versions = r.body.filter((p) => p.id === id && p.status === 'published').map((p) => p.version);
  if (versions.length === 0) throw new Error(`protocol ${id} is not published`);
  return Math.max(...versions);
}

/** Opens a case as `client` under the newest version of `protocolId`. */
export async function openCase(client: ApiClient, protocolId: string): Promise<CaseViewBody> {
  const version = await latestVersion(client, protocolId);
  const r = await client.post<CaseViewBody>('/api/cases', { protocol: { id: protocolId, version } });
  if (r.status !== 201) throw new Error(`open ${protocolId} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const formCache = new Map<string, Record<string, { examples?: Record<string, unknown>[] }>>();

/** The sample submissions of a form of a published protocol version. */
export async function formExamples(
  client: ApiClient,
  protocol: { id: string; version: number },
  formId: string,
): Promise<Record<string, unknown>[]> {
  const key = `${client.baseUrl}|${protocol.id}@${protocol.version}`;
  let forms = formCache.get(key);
  if (!forms) {
    const r = await client.get<{ forms: Record<string, { examples?: Record<string, unknown>[] }> }>(
      `/api/protocols/${protocol.id}/versions/${protocol.version}`,
    );
    forms = r.body.forms;
    formCache.set(key, forms);
  }
  return forms[formId]?.examples ?? [];
}

export interface DriveOptions {
  /** Stop when this holds for the case view. */
  until: (view: CaseViewBody) => boolean;
  /** Events never sent by the driver. */
  avoid?: string[];
  /** Extra form data merged into examples of a form. */
  extra?: Record<string, Record<string, unknown>>;
  maxSteps?: number;
}

/**
 * Steps a case through its protocol over HTTP, as its country's case worker, supervisor and
 * focal point would: at each turn the first action the server offers as possible, with the
 * form's sample submissions (those steering to return and closure first). Returns the events sent.
 */
export async function driveCase(
  server: TestServer,
  caseId: string,
  country: string,
  opts: DriveOptions,
): Promise<{ view: CaseViewBody; events: string[] }> {
  const avoid = new Set([...AVOID_EVENTS, ...(opts.avoid ?? [])]);
  const cc = country.toLowerCase();
  const clients = await Promise.all(
    ['caseworker', 'supervisor', 'focalpoint'].map((r) => server.as(`${r}.${cc}`)),
  );
  let view = (await clients[0]!.get<CaseViewBody>(`/api/cases/${caseId}`)).body;
  const events: string[] = [];
  for (let i = 0; i < (opts.maxSteps ?? 60) && !opts.until(view); i++) {
    let moved = false;
    for (const client of clients) {
      const v = (await client.get<CaseViewBody>(`/api/cases/${caseId}`)).body;
      for (const action of v.available.filter((a) => a.ok && !avoid.has(a.event))) {
        const samples = action.form ? await formExamples(client, v.case.protocol, action.form) : [];
        const ordered = steeringFirst(samples);
        const extra = action.form ? (opts.extra?.[action.form] ?? {}) : {};
        const attempts = action.form ? ordered.map((s) => ({ ...s, ...extra })) : [undefined];
        for (const data of attempts) {
          const r = await client.post<CaseViewBody>(`/api/cases/${caseId}/steps`, {
            event: action.event,
            ...(data === undefined ? {} : { data }),
            expectedVersion: v.version,
          });
          if (r.status === 200) {
            view = r.body;
            events.push(action.event);
            moved = true;
            break;
          }
          if (r.status !== 422) throw new Error(`${action.event}: ${r.status} ${JSON.stringify(r.body)}`);
        }
        if (moved) break;
      }
      if (moved) break;
    }
    if (!moved)
      throw new Error(`the case is stuck at ${JSON.stringify(view.state.value)} after ${events.join(', ')}`);
  }
  return { view, events };
}

/**
 * A new case of `protocolId` opened by `country`'s case worker and stepped, as its staff would,
 * to the coordination between liaisons: the stage where the protocol allows a handover by hand
 * (after the best-interest determination and the risk assessment, for a child).
 */
export async function caseReadyForHandover(
  server: TestServer,
  country: string,
  protocolId = 'child-repatriation',
  extra: DriveOptions['extra'] = {},
): Promise<CaseViewBody> {
  const worker = await server.as(`caseworker.${country.toLowerCase()}`);
  const opened = await openCase(worker, protocolId);
  const { view } = await driveCase(server, opened.case.id, country, {
    until: (v) => v.available.some((a) => a.event === 'COORDINATED'),
    extra,
  });
  return view;
}
