import { BatchWriter } from '../db/batchWriter.js';
import type { AccessLogRepository } from '../db/repositories/accessLogRepository.js';
import type { AccessLogDoc } from '../db/schemas/accessLogSchema.js';
import type { Clock, Ids } from '../deps.js';
import type { SessionUser } from './authService.js';

export type AccessAction =
  | 'read'
  | 'history'
  | 'open'
  | 'step'
  | 'assign'
  | 'migrate'
  | 'reveal'
  | 'handover'
  | 'accept'
  | 'decline'
  | 'audit'
  | 'timer';

/**
 * The access log: every read and write of a case, by whom, when and why. Entries arriving
 * together are written in one batch (group commit) and each caller waits for its batch, so
 * an answer is never sent before its log entry is stored, and 64 concurrent steps cost one
 * log write instead of 64.
 */
export class AccessLog {
  private readonly writer: BatchWriter<AccessLogDoc, undefined>;

  constructor(
    repo: AccessLogRepository,
    private readonly clock: Clock,
    private readonly ids: Ids,
  ) {
    this.writer = new BatchWriter<AccessLogDoc, undefined>(async (docs) => {
      await repo.insertMany(docs);
      return docs.map(() => undefined);
    });
  }

  record(
    user: Pick<SessionUser, 'id' | 'country'> & { role: SessionUser['role'] | 'system' },
    caseId: string,
    action: AccessAction,
    extra: { detail?: string; reason?: string } = {},
  ): Promise<void> {
    const doc: AccessLogDoc = {
      _id: this.ids(),
      at: this.clock(),
      userId: user.id,
      role: user.role,
      country: user.country,
      caseId,
      action,
      detail: extra.detail ?? null,
      reason: extra.reason ?? null,
    };
    return this.writer.submit(doc);
  }

  /** Waits for every entry accepted so far to be written (clean shutdown). */
  async drain(): Promise<void> {
    await this.writer.drain();
  }
}
