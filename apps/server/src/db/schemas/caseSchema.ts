import { Schema } from 'mongoose';
import type { Country, Jurisdiction } from '@ruta/protocol';

/** A link to another case, kept on both cases so a case view needs no join. */
export interface CaseLinkDoc {
  caseId: string;
  country: string;
  /** referral / handover: this case opened the other; referred-from / handed-over-from: the reverse. */
  relation: 'referral' | 'handover' | 'referred-from' | 'handed-over-from';
  protocol: { id: string; version: number };
}

export interface CaseHandoverDoc {
  id: string;
  createdAt: string;
  toCountry: string;
  fromCountry: string;
  status: 'pending' | 'accepted' | 'declined';
}

/**
 * Everything about a case that a step changes, kept together so it moves forward in one piece:
 * updates use `$max` on this sub-document, and `seq` is its first field, so MongoDB's ordering
 * of documents (field by field, in order) makes a newer seq win and an older one change nothing.
 * That is the version condition of the write, with a filter on `_id` alone (the one filter
 * FerretDB's SQLite backend pushes down).
 */
export interface CaseCurrent {
  /** The sequence number of the last event: the version clients send back as `expectedVersion`. Must stay first. */
  seq: number;
  head: string;
  status: 'active' | 'closed';
  /** XState's state value (state keys never contain dots, so it stores as is). */
  value: unknown;
  /** Dotted paths of the active atomic states, e.g. ["protection.shelter"]. */
  states: string[];
  /** The top-level state ("stage" in the statistics). */
  stage: string;
  /** Earliest deadline (ISO) or null. */
  nextDue: string | null;
  /** nextDue, or "9999" when none: sorts overdue first, then nearest due, then undated. */
  dueKey: string;
  /** Earliest delayed-transition timer (ISO) or null: what the scheduler looks for. */
  nextTimer: string | null;
  profile: {
    originCountry: string | null;
    sex: string | null;
    ageGroup: string | null;
    exploitation: string | null;
  };
  protocolId: string;
  protocolVersion: number;
  protocolJurisdiction: Jurisdiction;
  updatedAt: string;
  /** The engine's CaseState as JSON text: form data may hold nested arrays and dotted keys, which FerretDB cannot store. */
  state: string;
}

/** A case: who runs it, who has it, what it is linked to, and its current state. */
export interface CaseDoc {
  _id: string;
  country: Country;
  assignee: string | null;
  /** Linked cases by case id (a map, so adding one twice is harmless; FerretDB has no positional updates). */
  links: Record<string, CaseLinkDoc>;
  /** Handovers of this case by handover id. */
  handovers: Record<string, CaseHandoverDoc>;
  openedAt: string;
  cur: CaseCurrent;
}

export const NO_DUE = '9999';

const currentSchema = new Schema<CaseCurrent>(
  {
    seq: { type: Number, required: true },
    head: { type: String, required: true },
    status: { type: String, required: true },
    value: { type: Schema.Types.Mixed, required: true },
    states: { type: [String], default: [] },
    stage: { type: String, default: '' },
    nextDue: { type: String, default: null },
    dueKey: { type: String, required: true },
    nextTimer: { type: String, default: null },
    profile: {
      originCountry: { type: String, default: null },
      sex: { type: String, default: null },
      ageGroup: { type: String, default: null },
      exploitation: { type: String, default: null },
    },
    protocolId: { type: String, required: true },
    protocolVersion: { type: Number, required: true },
    protocolJurisdiction: { type: String, required: true },
    updatedAt: { type: String, required: true },
    state: { type: String, required: true },
  },
  { _id: false, minimize: false },
);

export const caseSchema = new Schema<CaseDoc>(
  {
    _id: { type: String, required: true },
    country: { type: String, required: true },
    assignee: { type: String, default: null },
    links: { type: Schema.Types.Mixed, default: {} },
    handovers: { type: Schema.Types.Mixed, default: {} },
    openedAt: { type: String, required: true },
    cur: { type: currentSchema, required: true },
  },
  { versionKey: false, strict: 'throw', minimize: false, collection: 'cases' },
);
// Serves: the worklist GET /api/cases (country, then overdue first / nearest due). Its search by
// reference (?q) is a range on _id, served by the _id index; a linked case's reference is looked
// for among the country's cases this index finds.
caseSchema.index({ country: 1, 'cur.status': 1, 'cur.dueKey': 1 });
// Serves: the scheduler's "active cases with a timer due by now".
caseSchema.index({ 'cur.status': 1, 'cur.nextTimer': 1 });
// Serves: GET /api/stats (grouping by profile within a country).
caseSchema.index({ country: 1, 'cur.protocolId': 1 });
