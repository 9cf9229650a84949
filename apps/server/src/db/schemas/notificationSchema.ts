import { Schema } from 'mongoose';
import type { Text } from '@ruta/protocol';

/** An alert for a country's focal point, from a notifyFocalPoint effect (24-hour alert, seed 004). */
export interface NotificationDoc {
  /** "<caseId>:<seq>:<effect index>": carrying out an effect twice writes it once. */
  _id: string;
  country: string;
  caseId: string;
  /** The country the case is run in (absent in alerts written before it was recorded). */
  caseCountry?: string;
  reason: Text;
  at: string;
}

export const notificationSchema = new Schema<NotificationDoc>(
  {
    _id: { type: String, required: true },
    country: { type: String, required: true },
    caseId: { type: String, required: true },
    caseCountry: { type: String },
    reason: { es: { type: String, required: true }, en: { type: String, required: true } },
    at: { type: String, required: true },
  },
  { versionKey: false, strict: 'throw', collection: 'notifications' },
);
// Serves: a focal point's alerts, newest first.
notificationSchema.index({ country: 1, at: -1 });
