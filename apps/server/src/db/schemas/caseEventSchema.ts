import { Schema } from 'mongoose';

/**
 * One entry of a case's append-only, hash-chained history. Inserting it is the commit point
 * of a step: the unique (caseId, seq) index lets exactly one of several concurrent steps at
 * the same version win. `record` is the engine's EventRecord as canonical JSON, byte for byte
 * what the hash covers.
 */
export interface CaseEventDoc {
  /** "<caseId>:<seq, 9 digits>" so the next event of a case is found by _id. */
  _id: string;
  caseId: string;
  seq: number;
  kind: string;
  at: string;
  record: string;
}

export const caseEventSchema = new Schema<CaseEventDoc>(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    seq: { type: Number, required: true },
    kind: { type: String, required: true },
    at: { type: String, required: true },
    record: { type: String, required: true },
  },
  { versionKey: false, strict: 'throw', collection: 'caseEvents' },
);
// Serves: the commit point (one event per case and seq) and GET /api/cases/:id/history (in order).
caseEventSchema.index({ caseId: 1, seq: 1 }, { unique: true });

export function eventKey(caseId: string, seq: number): string {
  return `${caseId}:${String(seq).padStart(9, '0')}`;
}
