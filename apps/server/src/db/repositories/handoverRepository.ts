import type { Models } from '../models.js';
import type { HandoverDoc } from '../schemas/handoverSchema.js';

export class HandoverRepository {
  constructor(private readonly models: Models) {}

  async insert(doc: HandoverDoc): Promise<void> {
    await this.models.handovers.create(doc);
  }

  async find(id: string): Promise<HandoverDoc | null> {
    return this.models.handovers.findById(id).lean<HandoverDoc>().exec();
  }

  /** Handovers to or from a country (every one for a regional user when `country` is null). */
  async listFor(country: string | null, status?: HandoverDoc['status']): Promise<HandoverDoc[]> {
    const byCountry = country ? { $or: [{ toCountry: country }, { fromCountry: country }] } : {};
    const q = status ? { ...byCountry, status } : byCountry;
    return this.models.handovers.find(q).sort({ createdAt: -1 }).limit(500).lean<HandoverDoc[]>().exec();
  }

  /**
   * Decides a pending handover. Only one decision wins: the update is conditional on
   * "pending" (or on the same decision already recorded, for a retried acceptance).
   */
  async decide(
    id: string,
    set: Pick<HandoverDoc, 'status' | 'decidedAt' | 'decidedBy' | 'declineReason' | 'linkedCaseId'>,
  ): Promise<HandoverDoc | null> {
    return this.models.handovers
      .findOneAndUpdate({ _id: id, status: 'pending' }, { $set: set }, { returnDocument: 'after' })
      .lean<HandoverDoc>()
      .exec();
  }
}
