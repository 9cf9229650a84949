/**
 * The calls the case-worker area makes, one function per endpoint of docs/api.md.
 */
import { request, requestWithHeaders } from './request.js';
import type {
  AccountLogEntry,
  AdminUser,
  Alert,
  ChainReport,
  ConformanceReport,
  StatsDimension,
  StatsResult,
  CaseView,
  EventRecord,
  Handover,
  IntegrityView,
  ProtocolSummary,
  ResolvedProtocol,
  User,
  WorklistItem,
} from './types.js';

export interface WorklistFilter {
  /** The case reference, or its first characters (never a name: see docs/api.md). */
  q?: string;
  protocol?: string;
  state?: string;
  country?: string;
  status?: 'active' | 'closed';
  /** "me": only the cases assigned to the caller. */
  assignee?: 'me';
}

const enc = encodeURIComponent;

/** Cases per page of the worklist ("Show more cases" fetches the next). */
export const WORKLIST_PAGE = 50;

/** Account log entries per page. */
export const ACCOUNT_LOG_PAGE = 50;

/** Handovers per page ("Show more handovers" fetches the next). */
export const HANDOVERS_PAGE = 50;

/** Alerts per page ("Show more alerts" fetches the next). */
export const ALERTS_PAGE = 50;

export const api = {
  login: (username: string, password: string) =>
    request<{ user: User; token: string }>('POST', '/api/auth/login', { username, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: () => request<{ user: User }>('GET', '/api/auth/me'),
  /** Ends every session of the user and opens a new one (its cookie comes with the answer). */
  changePassword: (currentPassword: string, newPassword: string) =>
    request<{ user: User; token: string }>('POST', '/api/auth/password', { currentPassword, newPassword }),

  protocols: () => request<ProtocolSummary[]>('GET', '/api/protocols'),
  protocol: (id: string, version: number) =>
    request<ResolvedProtocol>('GET', `/api/protocols/${enc(id)}/versions/${version}`),

  /** A page of the worklist, and the cursor of the next page (null on the last one). */
  worklist: async (
    filter: WorklistFilter,
    after?: string,
  ): Promise<{ rows: WorklistItem[]; next: string | null }> => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
    q.set('limit', String(WORKLIST_PAGE));
    if (after) q.set('after', after);
    const qs = q.toString();
    const r = await requestWithHeaders<WorklistItem[]>('GET', `/api/cases${qs ? `?${qs}` : ''}`);
    return { rows: r.body, next: r.headers.get('X-Next-Cursor') };
  },
  openCase: (protocol: { id: string; version: number }) =>
    request<CaseView>('POST', '/api/cases', { protocol }),
  getCase: (caseId: string) => request<CaseView>('GET', `/api/cases/${enc(caseId)}`),
  history: (caseId: string) => request<EventRecord[]>('GET', `/api/cases/${enc(caseId)}/history`),
  step: (caseId: string, body: { event: string; data?: unknown; expectedVersion: number }) =>
    request<CaseView>('POST', `/api/cases/${enc(caseId)}/steps`, body),
  reveal: (caseId: string, body: { form: string; field: string; reason: string; seq?: number }) =>
    request<{ value: unknown }>('POST', `/api/cases/${enc(caseId)}/reveal`, body),

  handOver: (caseId: string, body: { toCountry: string; note: string }) =>
    request<Handover>('POST', `/api/cases/${enc(caseId)}/handovers`, body),
  /** A page of the handovers to or from the user's country, and the cursor of the next page. */
  handovers: async (status?: string, after?: string): Promise<{ rows: Handover[]; next: string | null }> => {
    const q = new URLSearchParams({ limit: String(HANDOVERS_PAGE) });
    if (status) q.set('status', status);
    if (after) q.set('after', after);
    const r = await requestWithHeaders<Handover[]>('GET', `/api/handovers?${q.toString()}`);
    return { rows: r.body, next: r.headers.get('X-Next-Cursor') };
  },
  /** One handover as it stands now. */
  handover: (id: string) => request<Handover>('GET', `/api/handovers/${enc(id)}`),
  /** `data`: fields of the receiving form the packet does not carry (422 names them when missing). */
  acceptHandover: (id: string, data?: Record<string, unknown>) =>
    request<{ handover: Handover; linkedCase: CaseView }>(
      'POST',
      `/api/handovers/${enc(id)}/accept`,
      data ? { data } : {},
    ),
  declineHandover: (id: string, reason: string) =>
    request<Handover>('POST', `/api/handovers/${enc(id)}/decline`, { reason }),

  auditChain: (caseId: string) => request<ChainReport>('GET', `/api/cases/${enc(caseId)}/audit/chain`),
  auditReplay: (caseId: string) =>
    request<ConformanceReport>('GET', `/api/cases/${enc(caseId)}/audit/replay`),
  auditWhatIf: (caseId: string, protocol: { id: string; version: number }) =>
    request<ConformanceReport>('POST', `/api/cases/${enc(caseId)}/audit/what-if`, { protocol }),

  integrity: () => request<IntegrityView>('GET', '/api/audit/integrity'),
  /** Starts a check of every case now (or answers the one under way). */
  sweepIntegrity: () => request<IntegrityView>('POST', '/api/audit/integrity/sweep'),

  stats: (by: readonly StatsDimension[]) => request<StatsResult>('GET', `/api/stats?by=${by.join(',')}`),

  /** A page of the alerts, newest first, and the cursor of the next page (null on the last one). */
  alerts: async (after?: string): Promise<{ rows: Alert[]; next: string | null }> => {
    const q = new URLSearchParams({ limit: String(ALERTS_PAGE) });
    if (after) q.set('after', after);
    const r = await requestWithHeaders<Alert[]>('GET', `/api/notifications?${q.toString()}`);
    return { rows: r.body, next: r.headers.get('X-Next-Cursor') };
  },
  unreadAlerts: () => request<{ count: number }>('GET', '/api/notifications/unread'),
  markAlertRead: (id: string) => request<void>('POST', `/api/notifications/${enc(id)}/read`),

  users: () => request<AdminUser[]>('GET', '/api/users'),
  createUser: (body: { username: string; name: string; role: string; country: string; password: string }) =>
    request<AdminUser>('POST', '/api/users', body),
  /** `expectedUpdatedAt`: the account's updatedAt as the list showed it (409 stale-user if it changed since). */
  updateUser: (
    id: string,
    body: { name: string; role: string; disabled: boolean; expectedUpdatedAt: string | null },
  ) => request<AdminUser>('PUT', `/api/users/${enc(id)}`, body),
  /** A page of the account log of the administrator's country, newest first. */
  accountLog: async (after?: string): Promise<{ rows: AccountLogEntry[]; next: string | null }> => {
    const q = new URLSearchParams({ limit: String(ACCOUNT_LOG_PAGE) });
    if (after) q.set('after', after);
    const r = await requestWithHeaders<AccountLogEntry[]>('GET', `/api/account-log?${q.toString()}`);
    return { rows: r.body, next: r.headers.get('X-Next-Cursor') };
  },
  setPassword: (id: string, password: string) =>
    request<void>('POST', `/api/users/${enc(id)}/password`, { password }),
};
