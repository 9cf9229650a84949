import { Schema } from 'mongoose';

/** A change of a field of an account, as it was and as it became. */
export interface AccountFieldChange {
  field: 'name' | 'role' | 'disabled';
  /** null when the account was created. */
  from: string | boolean | null;
  to: string | boolean;
}

/**
 * What happened to an account and who did it: created, changed (with each field before and
 * after), given a new password, logged in or out, or a failed login. Append-only: nothing
 * updates or deletes an entry. Never holds a password.
 */
export interface AccountLogDoc {
  _id: string;
  at: string;
  action:
    | 'user-created'
    | 'user-changed'
    | 'password-set'
    | 'password-changed'
    | 'login'
    | 'login-failed'
    | 'logout';
  /** Who did it: the administrator, or the account itself for logins; null for a failed login. */
  actorId: string | null;
  actorUsername: string | null;
  /** The account it happened to; null for a failed login under a user name no account has. */
  userId: string | null;
  /**
   * The account's user name; for a name no account has, only its first character and length
   * ("n••••••• (8)"): what was typed may be a password typed into the wrong box.
   */
  username: string;
  /** The account's jurisdiction: which administrators may read the entry. REGIONAL for unknown names. */
  country: string;
  changes: AccountFieldChange[];
  /** The address the request came from (logins, failed logins). */
  address: string | null;
}

export const accountLogSchema = new Schema<AccountLogDoc>(
  {
    _id: { type: String, required: true },
    at: { type: String, required: true },
    action: { type: String, required: true },
    actorId: { type: String, default: null },
    actorUsername: { type: String, default: null },
    userId: { type: String, default: null },
    username: { type: String, required: true },
    country: { type: String, required: true },
    changes: {
      type: [
        new Schema<AccountFieldChange>(
          { field: { type: String, required: true }, from: Schema.Types.Mixed, to: Schema.Types.Mixed },
          { _id: false },
        ),
      ],
      default: [],
    },
    address: { type: String, default: null },
  },
  { versionKey: false, strict: 'throw', collection: 'accountLog' },
);
// Serves: an administrator's account log of their country, newest first.
accountLogSchema.index({ country: 1, at: -1, _id: -1 });
// Serves: the account log of one account.
accountLogSchema.index({ userId: 1, at: -1, _id: -1 });
