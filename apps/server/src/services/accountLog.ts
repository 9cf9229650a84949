import type { AccountLogRepository } from '../db/repositories/accountLogRepository.js';
import type { AccountLogDoc } from '../db/schemas/accountLogSchema.js';
import type { Clock, Ids } from '../deps.js';
import type { SessionUser } from './authService.js';
import { cutPage, readCursor } from './pageCursor.js';

export type AccountLogEntry = Omit<AccountLogDoc, '_id' | 'at'>;

export interface AccountLogView extends Omit<AccountLogDoc, '_id'> {
  id: string;
}

/**
 * The account log: who created, changed or gave a new password to which account, and every
 * login, logout and failed login, so that "who made this person a supervisor" and "which
 * account is under attack" can be answered later. Each entry is stored before the answer is
 * sent; administrators read their country's.
 */
export class AccountLog {
  constructor(
    private readonly repo: AccountLogRepository,
    private readonly clock: Clock,
    private readonly ids: Ids,
  ) {}

  record(entry: AccountLogEntry): Promise<void> {
    return this.repo.insert({ _id: this.ids(), at: this.clock(), ...entry });
  }

  /** A page of the entries of the administrator's country (every one for regional ones), newest first. */
  async list(
    admin: SessionUser,
    q: { userId?: string; limit: number; after?: string },
  ): Promise<{ rows: AccountLogView[]; next: string | null }> {
    let before: { at: string; id: string } | undefined;
    if (q.after) {
      const { key, id } = readCursor(q.after, 'account log');
      before = { at: key, id };
    }
    const docs = await this.repo.list({
      country: admin.country === 'REGIONAL' ? null : admin.country,
      ...(q.userId ? { userId: q.userId } : {}),
      ...(before ? { before } : {}),
      limit: q.limit + 1,
    });
    const { page, next } = cutPage(docs, q.limit, (d) => [d.at, d._id]);
    return { rows: page.map(({ _id, ...rest }) => ({ id: _id, ...rest })), next };
  }
}
