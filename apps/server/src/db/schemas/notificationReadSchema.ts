import { Schema } from 'mongoose';

/** That one user has read one alert: a document per (user, alert), so marking is a single insert. */
export interface NotificationReadDoc {
  /** "<userId>|<notificationId>": marking an alert read twice writes it once. */
  _id: string;
  userId: string;
  notificationId: string;
  at: string;
}

export const notificationReadSchema = new Schema<NotificationReadDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    notificationId: { type: String, required: true },
    at: { type: String, required: true },
  },
  { versionKey: false, strict: 'throw', collection: 'notificationReads' },
);
// Serves: which of the alerts listed to a user they have read (GET /api/notifications).
notificationReadSchema.index({ userId: 1, notificationId: 1 });
