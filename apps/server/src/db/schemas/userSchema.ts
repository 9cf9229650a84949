import { Schema } from 'mongoose';
import type { Jurisdiction, Role } from '@ruta/protocol';

export interface UserDoc {
  _id: string;
  username: string;
  name: string;
  role: Role;
  country: Jurisdiction;
  /** scrypt parameters and output, hex; a salt per user. */
  passwordSalt: string;
  passwordHash: string;
  createdAt: string;
  /** A disabled user cannot log in; absent in documents written before the field existed. */
  disabled?: boolean;
  updatedAt?: string;
  /**
   * The password was set by an administrator (a new account, a forgotten password): the user
   * must choose their own before anything else, so that nobody else knows it.
   */
  mustChangePassword?: boolean;
}

export const userSchema = new Schema<UserDoc>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true },
    country: { type: String, required: true },
    passwordSalt: { type: String, required: true },
    passwordHash: { type: String, required: true },
    createdAt: { type: String, required: true },
    disabled: { type: Boolean },
    updatedAt: { type: String },
    mustChangePassword: { type: Boolean },
  },
  { versionKey: false, strict: 'throw', collection: 'users' },
);
// Serves: login by user name (and keeps names unique).
userSchema.index({ username: 1 }, { unique: true });
// Serves: an administrator's user list (GET /api/users), one country's users by name.
userSchema.index({ country: 1, username: 1 });
