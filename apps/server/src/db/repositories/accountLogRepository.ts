import type { Models } from '../models.js';
import type { AccountLogDoc } from '../schemas/accountLogSchema.js';

export interface AccountLogFilter {
  /** The jurisdiction of the accounts; null: every one (regional administrators). */
  country: string | null;
  userId?: string;
  /** Only entries after this one in list order (newest first). */
  before?: { at: string; id: string };
  limit: number;
}

/** The account log: appended to, never changed. */
export class AccountLogRepository {
  constructor(private readonly models: Models) {}

  async insert(doc: AccountLogDoc): Promise<void> {
    await this.models.accountLog.create(doc);
  }

  /** Entries newest first (time, then id). */
  async list(f: AccountLogFilter): Promise<AccountLogDoc[]> {
    const clauses: Record<string, unknown>[] = [];
    if (f.country) clauses.push({ country: f.country });
    if (f.userId) clauses.push({ userId: f.userId });
    if (f.before) {
      clauses.push({
        $or: [{ at: { $lt: f.before.at } }, { at: f.before.at, _id: { $lt: f.before.id } }],
      });
    }
    const q = clauses.length === 0 ? {} : clauses.length === 1 ? clauses[0]! : { $and: clauses };
    return this.models.accountLog
      .find(q)
      .sort({ at: -1, _id: -1 })
      .limit(f.limit)
      .lean<AccountLogDoc[]>()
      .exec();
  }
}
