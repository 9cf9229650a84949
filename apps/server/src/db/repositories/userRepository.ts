import type { Jurisdiction } from '@ruta/protocol';
import { insertIfAbsent, type Models } from '../models.js';
import type { UserDoc } from '../schemas/userSchema.js';
import { OneAtATime } from '../oneAtATime.js';

export type PublicUser = Pick<
  UserDoc,
  '_id' | 'username' | 'name' | 'role' | 'country' | 'disabled' | 'createdAt' | 'updatedAt'
>;

/** What an administrator may change of a user (the name, the role, whether it can log in, the password). */
export type UserChange = Partial<
  Pick<UserDoc, 'name' | 'role' | 'disabled' | 'passwordSalt' | 'passwordHash' | 'updatedAt'>
>;

const NO_SECRETS = { passwordHash: 0, passwordSalt: 0 } as const;

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

  async count(): Promise<number> {
    return this.models.users.countDocuments({}).exec();
  }
}
