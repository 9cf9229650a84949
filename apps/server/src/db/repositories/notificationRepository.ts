import { insertIfAbsent, type Models } from '../models.js';
import type { NotificationDoc } from '../schemas/notificationSchema.js';

export class NotificationRepository {
  constructor(private readonly models: Models) {}

  /** Writes the alert once (its id is derived from the event that caused it). */
  async put(doc: NotificationDoc): Promise<void> {
    await insertIfAbsent(this.models.notifications, doc);
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
