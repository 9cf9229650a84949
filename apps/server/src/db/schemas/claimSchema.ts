import { Schema } from 'mongoose';

/**
 * A claim on a compare-and-set: "revision 5 of draft d1 is mine", "the protocol id p is El
 * Salvador's", "handover h1 is decided this way". It is inserted under a unique `_id`, and only
 * one insert of an `_id` can succeed, on MongoDB and on FerretDB alike: that insert is the commit
 * point. (A conditional update such as `findOneAndUpdate({ _id, revision: 4 })` is not one on
 * FerretDB 1.x, which reads, then writes: two writers can both match and both win.) The claim
 * carries what its winner writes, so a write interrupted after the claim is rolled forward by
 * whoever finds the claim.
 */
export interface ClaimDoc {
  _id: string;
  /** What the claim is about ("draft:d1", "handover:h1", "protocol:p"), to remove its claims with it. */
  ref: string;
  /** What the winner writes, as JSON text. */
  value: string;
}

export const claimSchema = new Schema<ClaimDoc>(
  {
    _id: { type: String, required: true },
    ref: { type: String, required: true },
    value: { type: String, required: true },
  },
  { versionKey: false, strict: 'throw', collection: 'claims' },
);
// Serves: removing a draft's claims when the draft is published (ClaimRepository.removeFor).
claimSchema.index({ ref: 1 });
