import { Schema } from 'mongoose';

/** Two cases that belong together: a handover to another country, or a referral. */
export interface LinkDoc {
  /** "<fromCaseId>><toCaseId>": a pair is linked once, however often the effect is retried. */
  _id: string;
  fromCaseId: string;
  toCaseId: string;
  fromCountry: string;
  toCountry: string;
  relation: 'referral' | 'handover';
  /** The handover it came from, when it did. */
  handoverId: string | null;
  createdAt: string;
}

export const linkSchema = new Schema<LinkDoc>(
  {
    _id: { type: String, required: true },
    fromCaseId: { type: String, required: true },
    toCaseId: { type: String, required: true },
    fromCountry: { type: String, required: true },
    toCountry: { type: String, required: true },
    relation: { type: String, required: true },
    handoverId: { type: String, default: null },
    createdAt: { type: String, required: true },
  },
  { versionKey: false, strict: 'throw', collection: 'links' },
);
// Serves: "which cases were opened from this one" (audit, case view rebuild).
linkSchema.index({ fromCaseId: 1 });
// Serves: "where did this case come from" (authorisation of a linked case's origin).
linkSchema.index({ toCaseId: 1 });
