import { insertIfAbsent, type Models } from '../models.js';
import type { UserDoc } from '../schemas/userSchema.js';

export type PublicUser = Pick<UserDoc, '_id' | 'username' | 'name' | 'role' | 'country'>;

export class UserRepository {
  constructor(private readonly models: Models) {}

  async findByUsername(username: string): Promise<UserDoc | null> {
    return this.models.users.findOne({ username }).lean<UserDoc>().exec();
  }

  async find(id: string): Promise<PublicUser | null> {
    return this.models.users
      .findById(id, { passwordHash: 0, passwordSalt: 0, createdAt: 0 })
      .lean<PublicUser>()
      .exec();
  }

  /** Creates a user unless the name is taken; returns whether it was created. */
  async insertIfAbsent(doc: UserDoc): Promise<boolean> {
    return insertIfAbsent(this.models.users, doc);
  }

  async count(): Promise<number> {
    return this.models.users.countDocuments({}).exec();
  }
}
