import { insertIfAbsent, type Models } from '../models.js';
import { ClaimRepository } from './claimRepository.js';
import type { HandoverDoc } from '../schemas/handoverSchema.js';

export class HandoverRepository {
  private readonly claims: ClaimRepository;

  constructor(private readonly models: Models) {
    this.claims = new ClaimRepository(models);
  }

  /** Stores a new handover; false when one with its id exists (nothing is written then). */
  async insert(doc: HandoverDoc): Promise<boolean> {
    return insertIfAbsent(this.models.handovers, doc);
  }

  /** Every handover of a case to a country, whatever its status. */
  async allTo(caseId: string, toCountry: string): Promise<HandoverDoc[]> {
    return this.models.handovers.find({ caseId, toCountry }).lean<HandoverDoc[]>().exec();
  }

  /**
   * Every handover, one at a time in id order (the integrity sweep), read a page at a time: the
   * packets are not all held at once, and no cursor stays open while each is checked.
   */
  async *all(pageSize = 100): AsyncGenerator<HandoverDoc> {
    let after: string | null = null;
    for (;;) {
      const page: HandoverDoc[] = await this.models.handovers
        .find(after === null ? {} : { _id: { $gt: after } })
        .sort({ _id: 1 })
        .limit(pageSize)
        .lean<HandoverDoc[]>()
        .exec();
      yield* page;
      if (page.length < pageSize) return;
      after = page[page.length - 1]!._id;
    }
  }

  async find(id: string): Promise<HandoverDoc | null> {
    return this.models.handovers.findById(id).lean<HandoverDoc>().exec();
  }

  /**
   * Handovers to or from a country (every one for a regional user when `country` is null),
   * newest first (creation time, then id), starting after `before` when given.
   */
  async listFor(f: HandoverListFilter): Promise<HandoverDoc[]> {
    const clauses: Record<string, unknown>[] = [];
    if (f.country) clauses.push({ $or: [{ toCountry: f.country }, { fromCountry: f.country }] });
    if (f.status) clauses.push({ status: f.status });
    if (f.before) {
      clauses.push({
        $or: [
          { createdAt: { $lt: f.before.createdAt } },
          { createdAt: f.before.createdAt, _id: { $lt: f.before.id } },
        ],
      });
    }
    const q = clauses.length === 0 ? {} : clauses.length === 1 ? clauses[0]! : { $and: clauses };
    return this.models.handovers
      .find(q)
      .sort({ createdAt: -1, _id: -1 })
      .limit(f.limit)
      .lean<HandoverDoc[]>()
      .exec();
  }

  /**
   * Decides a pending handover; null when it was decided meanwhile. Only one decision wins:
   * it is claimed first (a unique insert, the commit point on every database: see ClaimDoc),
   * so an acceptance and a refusal sent at once never both succeed, even on FerretDB. A
   * decision interrupted after its claim is completed by the next one to find it.
   */
  async decide(id: string, set: HandoverDecision): Promise<HandoverDoc | null> {
    const key = `handover:${id}#decision`;
    if (!(await this.claims.claim(key, `handover:${id}`, set))) {
      const decided = await this.claims.winner<HandoverDecision>(key);
      if (decided) await this.write(id, decided);
      return null;
    }
    // Someone who lost the claim may have completed this very decision already.
    const decided = await this.write(id, set);
    if (decided) return decided;
    const now = await this.find(id);
    return now &&
      now.status === set.status &&
      now.decidedBy === set.decidedBy &&
      now.decidedAt === set.decidedAt
      ? now
      : null;
  }

  private async write(id: string, set: HandoverDecision): Promise<HandoverDoc | null> {
    return this.models.handovers
      .findOneAndUpdate({ _id: id, status: 'pending' }, { $set: set }, { returnDocument: 'after' })
      .lean<HandoverDoc>()
      .exec();
  }
}

export type HandoverDecision = Pick<
  HandoverDoc,
  'status' | 'decidedAt' | 'decidedBy' | 'declineReason' | 'linkedCaseId'
>;

export interface HandoverListFilter {
  /** The country handovers go to or come from; null: every country. */
  country: string | null;
  status?: HandoverDoc['status'];
  /** Only handovers after this one in list order (newer first). */
  before?: { createdAt: string; id: string };
  limit: number;
}
