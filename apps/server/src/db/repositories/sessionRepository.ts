import type { Models } from '../models.js';
import type { SessionDoc } from '../schemas/sessionSchema.js';

export class SessionRepository {
  constructor(private readonly models: Models) {}

  async insert(doc: SessionDoc): Promise<void> {
    await this.models.sessions.create(doc);
  }

  /** The session with that token hash if it has not expired at `now`. */
  async findLive(tokenHash: string, now: string): Promise<SessionDoc | null> {
    const doc = await this.models.sessions.findById(tokenHash).lean<SessionDoc>().exec();
    return doc && doc.expiresAt > now ? doc : null;
  }

  async remove(tokenHash: string): Promise<void> {
    await this.models.sessions.deleteOne({ _id: tokenHash }).exec();
  }

  /** Ends every session of a user; returns how many there were. */
  async removeForUser(userId: string): Promise<number> {
    const r = await this.models.sessions.deleteMany({ userId }).exec();
    return r.deletedCount;
  }

  /** Deletes expired sessions (there is no TTL index on FerretDB). */
  async purgeExpired(now: string): Promise<number> {
    const r = await this.models.sessions.deleteMany({ expiresAt: { $lte: now } }).exec();
    return r.deletedCount;
  }
}
