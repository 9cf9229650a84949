import type { Models } from '../models.js';
import type { AccessLogDoc } from '../schemas/accessLogSchema.js';

export class AccessLogRepository {
  constructor(private readonly models: Models) {}

  /** Writes a batch of entries in one command (one SQLite transaction on FerretDB). */
  async insertMany(docs: AccessLogDoc[]): Promise<void> {
    if (docs.length === 0) return;
    await this.models.accessLog.insertMany(docs, { ordered: true, lean: true });
  }

  async forCase(caseId: string): Promise<AccessLogDoc[]> {
    return this.models.accessLog.find({ caseId }).sort({ at: 1 }).lean<AccessLogDoc[]>().exec();
  }
}
