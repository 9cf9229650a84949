/**
 * The shapes the web app reads from and sends to the server (docs/api.md). Domain shapes come
 * from @ruta/protocol and @ruta/engine so the browser and the server agree on them.
 */
import type { Jurisdiction, LegalRef, Population, Role, Text } from '@ruta/protocol';
import type {
  AvailableAction,
  CaseState,
  Deadline,
  DocumentDifference,
  Rejection,
  StateValue,
} from '@ruta/engine';

export type { AvailableAction, CaseState, Deadline, EventRecord, Rejection, StateValue } from '@ruta/engine';
export type { ResolvedProtocol, FormDefinition, FieldSchema, Text, Lang } from '@ruta/protocol';

export interface User {
  id: string;
  username: string;
  name: string;
  role: Role;
  country: Jurisdiction;
  /** The password was set by an administrator: the user chooses their own before anything else. */
  mustChangePassword?: boolean;
}

/** The dimensions GET /api/stats counts cases by. */
export const STATS_DIMENSIONS = [
  'originCountry',
  'sex',
  'ageGroup',
  'exploitation',
  'protocol',
  'state',
] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** Anonymised counts: cells under 5 cases withheld, every count rounded down to a multiple of `rounding`. */
export interface StatsResult {
  cells: { key: Partial<Record<StatsDimension, string | null>>; count: number }[];
  rounding: number;
}

/** GET /api/cases/:id/audit/chain: whether the stored history still hashes as recorded (the engine's ChainReport). */
export type { ChainProblem, ChainReport, DocumentDifference } from '@ruta/engine';

/** One event of a replay: accepted again, same resulting state, hash intact; why not. */
export interface EventConformance {
  seq: number;
  type: string;
  /** The protocol version the event ran under: its row is named with that version's titles. */
  protocol?: { id: string; version: number };
  accepted: boolean;
  sameState: boolean;
  hashIntact: boolean;
  reasons: { code: string; message: string }[];
  /** What informs without being a divergence (e.g. a migration a what-if skips). */
  notes?: { code: string; message: string }[];
}

/** A replay (or what-if) of a case's history, event by event. */
export interface ConformanceReport {
  ok: boolean;
  protocol: { id: string; version: number; jurisdiction: string };
  events: EventConformance[];
  firstDivergence: number | null;
  /** Where the stored case document differs from the replayed history. */
  document?: DocumentDifference[];
}

/** An alert for a country's focal points and supervisors (e.g. the 24-hour alert of seed 004). */
export interface Alert {
  id: string;
  caseId: string;
  /** The country the case is run in; null for alerts recorded before it was kept. */
  caseCountry: string | null;
  country: string;
  reason: Text;
  at: string;
  read: boolean;
}

/** An account as an administrator sees it (GET /api/users). */
export interface AdminUser extends User {
  disabled: boolean;
  createdAt: string;
  updatedAt: string | null;
}

/** An entry of the account log (GET /api/account-log). */
export interface AccountLogEntry {
  id: string;
  at: string;
  action:
    | 'user-created'
    | 'user-changed'
    | 'password-set'
    | 'password-changed'
    | 'login'
    | 'login-failed'
    | 'logout';
  actorId: string | null;
  actorUsername: string | null;
  userId: string | null;
  username: string;
  country: string;
  changes: { field: 'name' | 'role' | 'disabled'; from: string | boolean | null; to: string | boolean }[];
  address: string | null;
}

export interface ProtocolSummary {
  id: string;
  version: number;
  jurisdiction: Jurisdiction;
  title: Text;
  population: Population;
  base?: string;
  status: 'published' | 'draft';
}

export interface ActiveState {
  path: string;
  title: Text;
  form?: string;
  deadline?: Deadline;
  legal: LegalRef[];
  institution?: Text;
}

export interface LinkedCase {
  caseId: string;
  country: string;
  /** referral / handover: this case opened the other; referred-from / handed-over-from: the reverse. */
  relation: 'referral' | 'handover' | 'referred-from' | 'handed-over-from';
  protocol: { id: string; version: number };
}

/** A handover as the case lists it. */
export interface CaseHandoverRef {
  id: string;
  createdAt: string;
  fromCountry: string;
  toCountry: string;
  status: 'pending' | 'accepted' | 'declined';
}

export interface HandoverPacket {
  protocol: { id: string; version: number; jurisdiction: Jurisdiction };
  state: StateValue;
  /** Only the x-shareable fields, by form id. */
  data: Record<string, Record<string, unknown>>;
}

export interface Handover {
  id: string;
  caseId: string;
  fromCountry: string;
  toCountry: string;
  note: string;
  /** Null when the stored packet was altered in the database: withheld (`packetProblem` says how). */
  packet: HandoverPacket | null;
  /**
   * unreadable: no longer a packet; altered: no longer matching packetHash; differs-from-history:
   * not the packet the sending case's sealed history rebuilds at the event it was built from;
   * not-in-history: that event is not in the sending case's history. It cannot be accepted.
   */
  packetProblem: 'unreadable' | 'altered' | 'differs-from-history' | 'not-in-history' | null;
  packetHash: string;
  status: 'pending' | 'accepted' | 'declined';
  createdAt: string;
  decidedAt: string | null;
  declineReason: string | null;
  linkedCaseId: string | null;
}

export interface CaseView {
  case: CaseState;
  /** The event sequence number: sent back as expectedVersion. */
  version: number;
  protocol: { id: string; version: number; jurisdiction: Jurisdiction; title: Text };
  state: { value: StateValue; active: ActiveState[] };
  available: AvailableAction[];
  deadlines: Deadline[];
  linked: LinkedCase[];
  handovers: CaseHandoverRef[];
  assignee: string | null;
  nextDue: string | null;
  overdue: boolean;
}

export interface WorklistItem {
  id: string;
  protocol: { id: string; version: number; jurisdiction: Jurisdiction };
  /** The protocol's title. */
  title: Text;
  state: { value: StateValue; titles: Text[] };
  country: string;
  assignee: string | null;
  nextDue: string | null;
  overdue: boolean;
  updatedAt: string;
  version: number;
}

/** The server's error body: `{error: {code, message, details}}`. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown[] };
}

export type { Rejection as EngineRejection };

/** Where the integrity sweep found a case broken: event numbers, part and form names, never a value. */
export interface IntegrityProblem {
  code: string;
  seq: number | null;
  parts: string[];
  forms: string[];
  reasons: string[];
}

/** GET /api/audit/integrity: the last sweep over every case, and the damaged cases the user sees. */
export interface IntegrityView {
  sweep: {
    startedAt: string;
    finishedAt: string | null;
    running: boolean;
    cases: number;
    damaged: number;
    /** Handover packets checked, of handovers from or to the user's countries. */
    handovers: number;
    damagedHandovers: number;
    /** Of those, stored before the sending case's seq was recorded: not checked against its history. */
    unsealedHandovers: number;
  } | null;
  total: number;
  cases: {
    caseId: string;
    country: string;
    /** The protocol version the case runs under (null when it cannot be read). */
    protocol: { id: string; version: number } | null;
    foundAt: string;
    checkedAt: string;
    problem: IntegrityProblem;
  }[];
  /** Handovers from or to the user's countries whose stored packet is damaged, in all. */
  handoverTotal: number;
  handovers: DamagedPacket[];
}

/** A handover whose stored packet the sweep found damaged: which one, which cases, what is wrong. */
export interface DamagedPacket {
  handoverId: string;
  /** The sending case. */
  caseId: string;
  fromCountry: string;
  toCountry: string;
  status: 'pending' | 'accepted' | 'declined';
  /** The case the receiving country opened from it. */
  linkedCaseId: string | null;
  foundAt: string;
  checkedAt: string;
  /**
   * unreadable: no longer a packet; altered: no longer matching its SHA-256; differs-from-received:
   * rewritten with its hash, no longer what the receiving case recorded (in `fields`);
   * differs-from-history: rewritten with its hash, no longer the packet the sending case's sealed
   * history rebuilds at event `seq` (in `fields`: protocol, state, form.field); not-in-history:
   * that event is not in the sending case's history; missing: a handover found damaged before is
   * no longer stored.
   */
  problem: {
    code:
      | 'unreadable'
      | 'altered'
      | 'differs-from-received'
      | 'differs-from-history'
      | 'not-in-history'
      | 'missing';
    fields: string[];
    seq: number | null;
  };
}
