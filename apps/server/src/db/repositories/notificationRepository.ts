import { insertIfAbsent, type Models } from '../models.js';
import type { NotificationDoc } from '../schemas/notificationSchema.js';

export class NotificationRepository {
  constructor(private readonly models: Models) {}

  /** Writes the alert once (its id is derived from the event that caused it). */
  async put(doc: NotificationDoc): Promise<void> {
    await insertIfAbsent(this.models.notifications, doc);
  }

  async listFor(country: string): Promise<NotificationDoc[]> {
    return this.models.notifications
      .find({ country })
      .sort({ at: -1 })
      .limit(200)
      .lean<NotificationDoc[]>()
      .exec();
  }
}
