import { insertIfAbsent, type Models } from '../models.js';
import type { NotificationDoc } from '../schemas/notificationSchema.js';

export class NotificationRepository {
  constructor(private readonly models: Models) {}

  /** Writes the alert once (its id is derived from the event that caused it). */
  async put(doc: NotificationDoc): Promise<void> {
    await insertIfAbsent(this.models.notifications, doc);
  }

  async find(id: string): Promise<NotificationDoc | null> {
    return this.models.notifications.findById(id).lean<NotificationDoc>().exec();
  }

  /** Which of these alerts the user has read. */
  async readBy(userId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const docs = await this.models.notificationReads
      .find({ userId, notificationId: { $in: ids } }, { notificationId: 1 })
      .lean<{ notificationId: string }[]>()
      .exec();
    return new Set(docs.map((d) => d.notificationId));
  }

  /** Records that the user read the alert (once, however often it is asked). */
  async markRead(userId: string, notificationId: string, at: string): Promise<void> {
    await insertIfAbsent(this.models.notificationReads, {
      _id: `${userId}|${notificationId}`,
      userId,
      notificationId,
      at,
    });
  }

  /** Every alert the user has read (ids). */
  async allReadBy(userId: string): Promise<string[]> {
    const docs = await this.models.notificationReads
      .find({ userId }, { notificationId: 1 })
      .lean<{ notificationId: string }[]>()
      .exec();
    return docs.map((d) => d.notificationId);
  }

  /**
   * A page of a country's alerts (every country's when null), newest first (time, then id):
   * those after `before` in that order, only those in `only` or none of `except` when given.
   */
  async listFor(f: {
    country: string | null;
    before?: { at: string; id: string };
    only?: string[];
    except?: string[];
    limit: number;
  }): Promise<NotificationDoc[]> {
    const clauses: Record<string, unknown>[] = [];
    if (f.country) clauses.push({ country: f.country });
    if (f.only) clauses.push({ _id: { $in: f.only } });
    if (f.except && f.except.length > 0) clauses.push({ _id: { $nin: f.except } });
    if (f.before) {
      clauses.push({
        $or: [{ at: { $lt: f.before.at } }, { at: f.before.at, _id: { $lt: f.before.id } }],
      });
    }
    const q = clauses.length === 0 ? {} : clauses.length === 1 ? clauses[0]! : { $and: clauses };
    return this.models.notifications
      .find(q)
      .sort({ at: -1, _id: -1 })
      .limit(f.limit)
      .lean<NotificationDoc[]>()
      .exec();
  }

  /** How many alerts a country has (every country's when null), leaving out those in `except`. */
  async countFor(country: string | null, except: string[]): Promise<number> {
    const clauses: Record<string, unknown>[] = [];
    if (country) clauses.push({ country });
    if (except.length > 0) clauses.push({ _id: { $nin: except } });
    const q = clauses.length === 0 ? {} : clauses.length === 1 ? clauses[0]! : { $and: clauses };
    return this.models.notifications.countDocuments(q).exec();
  }
}
