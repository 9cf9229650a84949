import { Schema } from 'mongoose';
import type { Jurisdiction, Role } from '@ruta/protocol';

/**
 * A logged-in session. `_id` is the SHA-256 of the token, so a copy of the database does not
 * hand out working tokens. The user's role and country are copied in so a request needs one read.
 */
export interface SessionDoc {
  _id: string;
  userId: string;
  username: string;
  name: string;
  role: Role;
  country: Jurisdiction;
  createdAt: string;
  expiresAt: string;
  /** Opened with a password an administrator set: only choosing one's own is allowed. */
  mustChangePassword?: boolean;
}

export const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    username: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true },
    country: { type: String, required: true },
    createdAt: { type: String, required: true },
    expiresAt: { type: String, required: true },
    mustChangePassword: { type: Boolean },
  },
  { versionKey: false, strict: 'throw', collection: 'sessions' },
);
// Serves: purging expired sessions (FerretDB has no TTL indexes, so the server deletes them).
sessionSchema.index({ expiresAt: 1 });
// Serves: ending every session of a user who is disabled, changes role or gets a new password.
sessionSchema.index({ userId: 1 });
