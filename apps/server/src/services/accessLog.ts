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

interface Pending {
  doc: AccessLogDoc;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * The access log: every read and write of a case, by whom, when and why. Entries arriving
 * together are written in one batch (group commit) and each caller waits for its batch, so
 * an answer is never sent before its log entry is stored, and 64 concurrent steps cost one
 * log write instead of 64.
 */
export class AccessLog {
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly repo: AccessLogRepository,
    private readonly clock: Clock,
    private readonly ids: Ids,
  ) {}

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
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ doc, resolve, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    // Let the requests of this turn of the event loop join the batch.
    await new Promise<void>((r) => setImmediate(r));
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.repo.insertMany(batch.map((p) => p.doc));
        for (const p of batch) p.resolve();
      } catch (e) {
        for (const p of batch) p.reject(e);
      }
    }
    this.flushing = null;
  }

  /** Waits for every entry accepted so far to be written (clean shutdown). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }
}
