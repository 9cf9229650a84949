import type { Jurisdiction, Role } from '@ruta/protocol';
import { insertIfAbsent, type Models } from '../models.js';
import type { UserDoc } from '../schemas/userSchema.js';
import { OneAtATime } from '../oneAtATime.js';

export type PublicUser = Pick<
  UserDoc,
  '_id' | 'username' | 'name' | 'role' | 'country' | 'disabled' | 'createdAt' | 'updatedAt'
>;

/** What an administrator may change of a user (the name, the role, whether it can log in, the password). */
export type UserChange = Partial<
  Pick<
    UserDoc,
    'name' | 'role' | 'disabled' | 'passwordSalt' | 'passwordHash' | 'updatedAt' | 'mustChangePassword'
  >
>;

const NO_SECRETS = { passwordHash: 0, passwordSalt: 0 } as const;

/** What a conditional change expects of the account as it stands: updatedAt null for "never changed". */
export interface UserCondition {
  updatedAt?: string | null;
  role?: Role;
  disabled?: boolean;
}

/** A conditional change: done, refused because the account is not as expected (`current`), or no such account. */
export type ConditionalUpdate =
  { status: 'updated'; user: PublicUser } | { status: 'stale'; current: PublicUser } | { status: 'missing' };

export class UserRepository {
  private readonly oneAtATime = new OneAtATime();

  constructor(private readonly models: Models) {}

  async findByUsername(username: string): Promise<UserDoc | null> {
    return this.models.users.findOne({ username }).lean<UserDoc>().exec();
  }

  async find(id: string): Promise<PublicUser | null> {
    return this.models.users.findById(id, NO_SECRETS).lean<PublicUser>().exec();
  }

  /** The names of these users, by id (ids of no user are left out). */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.models.users
      .find({ _id: { $in: [...new Set(ids)] } }, { name: 1 })
      .lean<{ _id: string; name: string }[]>()
      .exec();
    return new Map(rows.map((r) => [r._id, r.name]));
  }

  /** Users of one country (or of every country and the region: null), by user name. */
  async list(country: Jurisdiction | null): Promise<PublicUser[]> {
    return this.models.users
      .find(country === null ? {} : { country }, NO_SECRETS)
      .sort({ username: 1 })
      .lean<PublicUser[]>()
      .exec();
  }

  /** Creates a user unless the name is taken; returns whether it was created. */
  async insertIfAbsent(doc: UserDoc): Promise<boolean> {
    return insertIfAbsent(this.models.users, doc);
  }

  /** Changes a user in one single-document update; the user afterwards, or null if there is none. */
  async update(id: string, change: UserChange): Promise<PublicUser | null> {
    // One at a time per user, so that a concurrent change cannot undo this one's fields (a
    // disabled account enabled again by a change of its name: see OneAtATime).
    const r = await this.oneAtATime.run([id], () =>
      this.models.users.updateOne({ _id: id }, { $set: change }).exec(),
    );
    return r.matchedCount === 0 ? null : this.find(id);
  }

  /**
   * Changes a user only if it is still as `expected`, in one single-document update (the
   * condition and the change together), one at a time per user as `update`.
   */
  async updateIf(id: string, expected: UserCondition, change: UserChange): Promise<ConditionalUpdate> {
    const filter: Record<string, unknown> = { _id: id };
    if (expected.updatedAt !== undefined) {
      filter.updatedAt = expected.updatedAt === null ? { $exists: false } : expected.updatedAt;
    }
    if (expected.role !== undefined) filter.role = expected.role;
    // documents written before "disabled" existed are enabled
    if (expected.disabled !== undefined) filter.disabled = expected.disabled ? true : { $ne: true };
    // updateOne, not findOneAndUpdate: FerretDB 1.x cannot leave the secrets out of the latter's answer.
    const r = await this.oneAtATime.run([id], () =>
      this.models.users.updateOne(filter, { $set: change }).exec(),
    );
    const current = await this.find(id);
    if (!current) return { status: 'missing' };
    return r.matchedCount === 1 ? { status: 'updated', user: current } : { status: 'stale', current };
  }

  /** How many enabled administrators a jurisdiction has (a country's, or REGIONAL's own), maybe but one. */
  async countEnabledAdmins(country: Jurisdiction, except?: string): Promise<number> {
    return this.models.users
      .countDocuments({
        country,
        role: 'admin',
        disabled: { $ne: true },
        ...(except === undefined ? {} : { _id: { $ne: except } }),
      })
      .exec();
  }

  async count(): Promise<number> {
    return this.models.users.countDocuments({}).exec();
  }
}
