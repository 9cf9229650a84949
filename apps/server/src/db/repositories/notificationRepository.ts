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

  /** A country's alerts (every country's when null), newest first. */
  async listFor(country: string | null): Promise<NotificationDoc[]> {
    return this.models.notifications
      .find(country ? { country } : {})
      .sort({ at: -1 })
      .limit(200)
      .lean<NotificationDoc[]>()
      .exec();
  }
}
