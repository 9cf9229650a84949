import { Schema } from 'mongoose';
import type { HandoverDoc } from './handoverSchema.js';

/**
 * What the integrity sweep found wrong with one case: a code and the event numbers or the
 * names of the parts and forms involved, never a value from the case.
 */
export interface IntegrityProblem {
  /** A chain problem (altered, events-missing...), document-differs, or not-conforming. */
  code: string;
  /** The first event at fault, when one is. */
  seq: number | null;
  /** The parts of the case document that differ from its history (stage, data, deadlines...). */
  parts: string[];
  /** The forms whose data differs. */
  forms: string[];
  /** The replay's reason codes at the first event that diverges. */
  reasons: string[];
}

/** A case the last sweep found damaged: kept until a sweep finds it sound again. */
export interface IntegrityFindingDoc {
  /** The case id. */
  _id: string;
  /** The case's country, for whose auditors it is listed. */
  country: string;
  /** The protocol version the case runs under, as far as it can be read (to name its forms). */
  protocol: { id: string; version: number } | null;
  /** When a sweep first found it damaged. */
  foundAt: string;
  /** When a sweep last found it damaged. */
  checkedAt: string;
  problem: IntegrityProblem;
}

/** A sweep's counts in one country. */
export interface SweepCount {
  cases: number;
  damaged: number;
  /**
   * Handover packets only: those stored before the sending case's seq was recorded with them,
   * checked against their hash (and receipt) but not against the case's history.
   */
  unsealed?: number;
}

/**
 * What the integrity sweep found wrong with one handover's stored packet (names of fields at
 * most, never a value): `unreadable`, its text is no longer a packet; `altered`, it no longer
 * matches its SHA-256; `differs-from-received`, it matches its hash (both were rewritten) but no
 * longer holds what the receiving case recorded from it on acceptance, in `fields`;
 * `differs-from-history`, it matches its hash but not the packet the sending case's sealed
 * history rebuilds at the event it was built from (`seq`), in `fields`; `not-in-history`, the
 * sending case's history holds no such event with the head hash the handover recorded; `missing`,
 * a handover found damaged before is no longer stored at all (deleted in the database).
 */
export interface PacketProblemDoc {
  code:
    | 'unreadable'
    | 'altered'
    | 'differs-from-received'
    | 'differs-from-history'
    | 'not-in-history'
    | 'missing';
  /**
   * The packet fields whose value differs from what the receiving case recorded (by field), or
   * from the sending case's history (`protocol`, `state`, `form.field`).
   */
  fields: string[];
  /** The sending case's event the packet was built from (the history problems only). */
  seq?: number | null;
}

/** A handover whose packet the last sweep found damaged: kept until a sweep finds it sound again. */
export interface PacketFindingDoc {
  /** The handover id. */
  _id: string;
  /** The sending case. */
  caseId: string;
  fromCountry: string;
  toCountry: string;
  /** Both countries, for whose auditors it is listed. */
  countries: string[];
  status: HandoverDoc['status'];
  /** The case the receiving country opened from it, once accepted. */
  linkedCaseId: string | null;
  foundAt: string;
  checkedAt: string;
  problem: PacketProblemDoc;
}

/** The last integrity sweep (one document, _id "last"): when, and what it found per country. */
export interface IntegritySweepDoc {
  _id: string;
  startedAt: string;
  finishedAt: string | null;
  /** Per country code: cases checked, and found damaged. */
  countries: Record<string, SweepCount>;
  /**
   * Per sending and receiving country ("GT>MX"): handover packets checked, and found damaged
   * (kept by pair, so that the auditors of either country count them, and regional ones once).
   */
  handovers?: Record<string, SweepCount>;
}

const problemSchema = new Schema<IntegrityProblem>(
  {
    code: { type: String, required: true },
    seq: { type: Number, default: null },
    parts: { type: [String], default: [] },
    forms: { type: [String], default: [] },
    reasons: { type: [String], default: [] },
  },
  { _id: false, strict: 'throw' },
);

export const integrityFindingSchema = new Schema<IntegrityFindingDoc>(
  {
    _id: { type: String, required: true },
    country: { type: String, required: true },
    protocol: { type: new Schema({ id: String, version: Number }, { _id: false }), default: null },
    foundAt: { type: String, required: true },
    checkedAt: { type: String, required: true },
    problem: { type: problemSchema, required: true },
  },
  { versionKey: false, strict: 'throw', collection: 'integrityFindings' },
);
// Serves: a country's damaged cases, newest finding first (GET /api/audit/integrity).
integrityFindingSchema.index({ country: 1, foundAt: -1 });

export const packetFindingSchema = new Schema<PacketFindingDoc>(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    fromCountry: { type: String, required: true },
    toCountry: { type: String, required: true },
    countries: { type: [String], required: true },
    status: { type: String, required: true },
    linkedCaseId: { type: String, default: null },
    foundAt: { type: String, required: true },
    checkedAt: { type: String, required: true },
    problem: {
      type: new Schema<PacketProblemDoc>(
        {
          code: { type: String, required: true },
          fields: { type: [String], default: [] },
          seq: { type: Number, default: null },
        },
        { _id: false, strict: 'throw' },
      ),
      required: true,
    },
  },
  { versionKey: false, strict: 'throw', collection: 'packetFindings' },
);
// Serves: the damaged handover packets of a country, newest finding first (GET /api/audit/integrity).
packetFindingSchema.index({ countries: 1, foundAt: -1 });

export const integritySweepSchema = new Schema<IntegritySweepDoc>(
  {
    _id: { type: String, required: true },
    startedAt: { type: String, required: true },
    finishedAt: { type: String, default: null },
    countries: { type: Schema.Types.Mixed, default: {} },
    handovers: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, strict: 'throw', collection: 'integritySweeps', minimize: false },
);
