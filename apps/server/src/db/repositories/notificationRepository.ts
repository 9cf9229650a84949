import type { Models } from '../models.js';
import type { NotificationDoc } from '../schemas/notificationSchema.js';

export class NotificationRepository {
  constructor(private readonly models: Models) {}

  /** Writes the alert once (its id is derived from the event that caused it). */
  async put(doc: NotificationDoc): Promise<void> {
    await this.models.notifications
      .updateOne({ _id: doc._id }, { $setOnInsert: doc }, { upsert: true })
      .exec();
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
