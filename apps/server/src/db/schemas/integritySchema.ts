import { Schema } from 'mongoose';

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
}

/** The last integrity sweep (one document, _id "last"): when, and what it found per country. */
export interface IntegritySweepDoc {
  _id: string;
  startedAt: string;
  finishedAt: string | null;
  /** Per country code: cases checked, and found damaged. */
  countries: Record<string, SweepCount>;
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

export const integritySweepSchema = new Schema<IntegritySweepDoc>(
  {
    _id: { type: String, required: true },
    startedAt: { type: String, required: true },
    finishedAt: { type: String, default: null },
    countries: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, strict: 'throw', collection: 'integritySweeps', minimize: false },
);
