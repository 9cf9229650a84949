/**
 * The shapes the web app reads from and sends to the server (docs/api.md). Domain shapes come
 * from @ruta/protocol and @ruta/engine so the browser and the server agree on them.
 */
import type { Country, Jurisdiction, LegalRef, Population, Role, Text } from '@ruta/protocol';
import type { AvailableAction, CaseState, Deadline, Rejection, StateValue } from '@ruta/engine';

export type { AvailableAction, CaseState, Deadline, EventRecord, Rejection, StateValue } from '@ruta/engine';
export type { ResolvedProtocol, FormDefinition, FieldSchema, Text, Lang } from '@ruta/protocol';

export interface User {
  id: string;
  username: string;
  name: string;
  role: Role;
  country: Jurisdiction;
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
  deadline?: Deadline | { hours: number } | string;
  legal: LegalRef[];
}

export interface LinkedCase {
  caseId: string;
  country: Country;
  relation: string;
  protocol: { id: string; version: number; title?: Text } | string;
}

export interface HandoverPacket {
  protocol: { id: string; version: number; jurisdiction?: Jurisdiction; title?: Text } | string;
  state: StateValue | { value: StateValue; titles?: Text[] };
  data: Record<string, unknown>;
}

export interface Handover {
  id: string;
  fromCountry: Country;
  toCountry: Country;
  caseId: string;
  note?: string;
  packet?: HandoverPacket;
  packetHash?: string;
  status: 'pending' | 'accepted' | 'declined';
  createdAt?: string;
  decidedAt?: string;
  reason?: string;
  linkedCaseId?: string;
}

export interface CaseView {
  case: CaseState;
  version: number;
  protocol: { id: string; version: number; jurisdiction: Jurisdiction; title: Text };
  state: { value: StateValue; active: ActiveState[] };
  available: AvailableAction[];
  deadlines: Deadline[];
  linked: LinkedCase[];
  handovers: Handover[];
}

export interface WorklistItem {
  id: string;
  protocol: { id: string; version: number; jurisdiction?: Jurisdiction; title?: Text } | string;
  title?: Text;
  state: { value: StateValue; titles: Text[] };
  country: Country;
  assignee?: string | { id: string; name?: string; username?: string } | null;
  nextDue?: string | null;
  overdue: boolean;
  updatedAt: string;
  version: number;
  status?: 'active' | 'closed';
}

/** The server's error body: `{error: {code, message, details}}`. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown[] };
}

export type { Rejection as EngineRejection };
