import { insertIfAbsent, type Models } from '../models.js';
import type { ClaimDoc } from '../schemas/claimSchema.js';

/**
 * Compare-and-set by unique insert (see ClaimDoc): the one primitive that is atomic on every
 * database Ruta runs on. A repository claims `key` before it writes; the loser learns who won.
 */
export class ClaimRepository {
  constructor(private readonly models: Models) {}

  /** Claims `key` for `value`: true if this call won it, false if it was already taken. */
  async claim(key: string, ref: string, value: unknown): Promise<boolean> {
    return insertIfAbsent(this.models.claims, { _id: key, ref, value: JSON.stringify(value) });
  }

  /** What the winner of `key` writes, or null when nobody claimed it. */
  async winner<T>(key: string): Promise<T | null> {
    const doc = await this.models.claims.findById(key).lean<ClaimDoc>().exec();
    return doc ? (JSON.parse(doc.value) as T) : null;
  }

  async remove(key: string): Promise<void> {
    await this.models.claims.deleteOne({ _id: key }).exec();
  }

  async removeFor(ref: string): Promise<void> {
    await this.models.claims.deleteMany({ ref }).exec();
  }
}
