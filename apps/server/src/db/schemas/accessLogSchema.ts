import { Schema } from 'mongoose';

/** Who read or changed which case, when, and why where a reason is asked (reveal). */
export interface AccessLogDoc {
  _id: string;
  at: string;
  userId: string;
  role: string;
  country: string;
  caseId: string;
  /** read, history, open, step, assign, migrate, reveal, handover, accept, decline, audit, timer */
  action: string;
  /** e.g. the form and field revealed, or the event sent; never a form value. */
  detail: string | null;
  reason: string | null;
}

export const accessLogSchema = new Schema<AccessLogDoc>(
  {
    _id: { type: String, required: true },
    at: { type: String, required: true },
    userId: { type: String, required: true },
    role: { type: String, required: true },
    country: { type: String, required: true },
    caseId: { type: String, required: true },
    action: { type: String, required: true },
    detail: { type: String, default: null },
    reason: { type: String, default: null },
  },
  { versionKey: false, strict: 'throw', collection: 'accessLog' },
);
// Serves: "who touched this case" for auditors, in time order.
accessLogSchema.index({ caseId: 1, at: 1 });
// Serves: "what did this user touch".
accessLogSchema.index({ userId: 1, at: 1 });
