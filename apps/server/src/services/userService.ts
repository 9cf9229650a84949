import type { AccountFieldChange } from '../db/schemas/accountLogSchema.js';
import type { AccountLog } from './accountLog.js';
import { REGIONAL_ROLES, type Jurisdiction, type Role } from '@ruta/protocol';
import type { Logger } from 'pino';
import type { PublicUser, UserRepository } from '../db/repositories/userRepository.js';
import type { Clock, Ids } from '../deps.js';
import { OneAtATime } from '../db/oneAtATime.js';
import { type AppError, conflict, forbidden, notFound, userError } from '../errors.js';
import type { AuthService, SessionUser } from './authService.js';
import { checkNewPassword, hashPassword, MIN_PASSWORD_CHARS } from './passwords.js';

/** Shortest password an administrator may set. */
export { MIN_PASSWORD_CHARS };

export interface AdminUserView {
  id: string;
  username: string;
  name: string;
  role: Role;
  country: Jurisdiction;
  disabled: boolean;
  createdAt: string;
  updatedAt: string | null;
}

export interface NewUser {
  username: string;
  name: string;
  role: Role;
  country: Jurisdiction;
  password: string;
}

/** A change of an account, with what its updatedAt was when the administrator read it (null: never changed). */
export interface UserUpdate {
  name: string;
  role: Role;
  disabled: boolean;
  expectedUpdatedAt: string | null;
}

export interface UserServiceDeps {
  users: UserRepository;
  auth: AuthService;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  passwordCost: number;
  accountLog: AccountLog;
}

/**
 * Accounts, as administrators keep them: an administrator of a country manages that country's
 * users, a regional administrator everyone's. Users of another country are "not found" (their
 * existence is not for a foreign administrator to learn). Disabling a user, changing their role
 * or setting their password ends their sessions, since a session carries the role it was
 * opened with. Nobody can disable themselves or change their own role, and nobody can disable
 * or demote the last enabled administrator of a country or of the region, so the last door is
 * never locked. A change is made on the account as the administrator saw it (expectedUpdatedAt).
 */
export class UserService {
  /** Changes that take an enabled administrator away, one at a time per jurisdiction. */
  private readonly lastAdmins = new OneAtATime();

  constructor(private readonly d: UserServiceDeps) {}

  /** The users the administrator manages, by user name; optionally of one country and one role. */
  async list(admin: SessionUser, filter: { country?: Jurisdiction; role?: Role }): Promise<AdminUserView[]> {
    if (filter.country !== undefined && !manages(admin, filter.country)) {
      throw forbidden(`An administrator of ${admin.country} manages the users of ${admin.country} only.`, {
        rule: 'own-country',
        country: admin.country,
      });
    }
    const country = filter.country ?? (admin.country === 'REGIONAL' ? null : admin.country);
    const users = await this.d.users.list(country);
    return users.filter((u) => filter.role === undefined || u.role === filter.role).map(view);
  }

  async create(admin: SessionUser, req: NewUser): Promise<AdminUserView> {
    if (!manages(admin, req.country)) {
      throw forbidden(
        `An administrator of ${admin.country} creates users of ${admin.country} only; ask a regional administrator for ${req.country}.`,
        { rule: 'own-country', country: admin.country },
      );
    }
    checkRoleFits(req.role, req.country);
    checkNewPassword(req.password, req.username);
    const { salt, hash } = await hashPassword(req.password, this.d.passwordCost);
    const id = this.d.ids();
    const createdAt = this.d.clock();
    const created = await this.d.users.insertIfAbsent({
      _id: id,
      username: req.username,
      name: req.name,
      role: req.role,
      country: req.country,
      passwordSalt: salt,
      passwordHash: hash,
      createdAt,
      disabled: false,
      // The administrator knows this password: the user chooses their own at the first login.
      mustChangePassword: true,
    });
    if (!created) {
      // Said alike whoever holds it: "exists" would tell an administrator of one country that
      // another country has an account of that name.
      throw conflict(
        'username-unavailable',
        `The user name "${req.username}" is not available: choose another one.`,
        [{ username: req.username }],
      );
    }
    this.d.logger.info({ by: admin.id, user: id, role: req.role, country: req.country }, 'user created');
    await this.d.accountLog.record({
      ...byAdmin(admin, { _id: id, username: req.username, country: req.country }, 'user-created'),
      changes: [
        { field: 'name', from: null, to: req.name },
        { field: 'role', from: null, to: req.role },
      ],
    });
    return view((await this.d.users.find(id))!);
  }

  /**
   * Sets a user's name, role and whether they may log in, if the account is still as the
   * administrator saw it (`expectedUpdatedAt`): a change made meanwhile by someone else is
   * refused with 409 stale-user rather than silently undone. The last enabled administrator of
   * a jurisdiction is neither disabled nor demoted (409 last-admin).
   */
  async update(admin: SessionUser, userId: string, req: UserUpdate): Promise<AdminUserView> {
    const user = await this.managed(admin, userId);
    if (user._id === admin.id && (req.disabled || req.role !== user.role)) {
      throw userError(
        'own-account',
        'You cannot disable your own account or change your own role: ask another administrator.',
      );
    }
    checkRoleFits(req.role, user.country);
    if ((user.updatedAt ?? null) !== req.expectedUpdatedAt) throw staleUser(req.expectedUpdatedAt, user);
    const change = {
      name: req.name,
      role: req.role,
      disabled: req.disabled,
      updatedAt: laterThan(this.d.clock(), req.expectedUpdatedAt),
    };
    const write = async (): Promise<PublicUser> => {
      const r = await this.d.users.updateIf(userId, { updatedAt: req.expectedUpdatedAt }, change);
      if (r.status === 'missing') throw notFound('user', userId);
      if (r.status === 'stale') throw staleUser(req.expectedUpdatedAt, r.current);
      return r.user;
    };
    const updated = removesAdmin(user, req)
      ? await this.lastAdmins.run([`admins:${user.country}`], () => this.removeAdmin(user, change, write))
      : await write();
    if (req.disabled !== (user.disabled === true) || req.role !== user.role) {
      await this.d.auth.endSessionsOf(userId);
    }
    this.d.logger.info(
      { by: admin.id, user: userId, role: req.role, disabled: req.disabled },
      'user changed',
    );
    const changes: AccountFieldChange[] = [];
    if (req.name !== user.name) changes.push({ field: 'name', from: user.name, to: req.name });
    if (req.role !== user.role) changes.push({ field: 'role', from: user.role, to: req.role });
    if (req.disabled !== (user.disabled === true))
      changes.push({ field: 'disabled', from: user.disabled === true, to: req.disabled });
    await this.d.accountLog.record({ ...byAdmin(admin, user, 'user-changed'), changes });
    return view(updated);
  }

  /**
   * Disables or demotes an enabled administrator, unless no other enabled administrator of the
   * jurisdiction would be left. Such changes run one at a time per jurisdiction in this process
   * (two administrators disabling each other at once: the second is refused). Another server
   * process (MongoDB only; FerretDB runs one) may do the same at the same moment, which no
   * single-document write can see: so the count is taken again after the write, and a change
   * that left nobody is put back and refused. Of two such changes at once in two processes,
   * then, one or both are refused, never both kept.
   */
  private async removeAdmin(
    user: PublicUser,
    change: { role: Role; disabled: boolean; updatedAt: string },
    write: () => Promise<PublicUser>,
  ): Promise<PublicUser> {
    if ((await this.d.users.countEnabledAdmins(user.country, user._id)) === 0) throw lastAdmin(user);
    const updated = await write();
    if ((await this.d.users.countEnabledAdmins(user.country)) > 0) return updated;
    // Only if the account is still as this change left it: a later change is someone else's to keep.
    await this.d.users.updateIf(
      user._id,
      { role: change.role, disabled: change.disabled },
      { role: user.role, disabled: false, updatedAt: laterThan(this.d.clock(), change.updatedAt) },
    );
    this.d.logger.warn({ user: user._id, country: user.country }, 'last administrator change put back');
    throw lastAdmin(user);
  }

  /**
   * Gives a user a new password (e.g. a forgotten one) and ends their sessions. Not the
   * administrator's own: that is changed giving the current one (AuthService), so that whoever
   * finds an administrator's session open cannot take the account without knowing its password.
   */
  async setPassword(admin: SessionUser, userId: string, password: string): Promise<void> {
    const user = await this.managed(admin, userId);
    if (user._id === admin.id) {
      throw userError(
        'own-password',
        'Change your own password with POST /api/auth/password, giving your current one (the Password page): this route is for other accounts, and would end your own session.',
      );
    }
    checkNewPassword(password, user.username);
    const { salt, hash } = await hashPassword(password, this.d.passwordCost);
    if (
      !(await this.d.users.update(userId, {
        passwordSalt: salt,
        passwordHash: hash,
        mustChangePassword: true,
        updatedAt: laterThan(this.d.clock(), user.updatedAt ?? null),
      }))
    )
      throw notFound('user', userId);
    await this.d.auth.endSessionsOf(userId);
    this.d.logger.info({ by: admin.id, user: userId }, 'user password set');
    await this.d.accountLog.record({ ...byAdmin(admin, user, 'password-set'), changes: [] });
  }

  private async managed(admin: SessionUser, userId: string): Promise<PublicUser> {
    const user = await this.d.users.find(userId);
    if (!user || !manages(admin, user.country)) throw notFound('user', userId);
    return user;
  }
}

function manages(admin: SessionUser, country: Jurisdiction): boolean {
  return admin.country === 'REGIONAL' || admin.country === country;
}

function checkRoleFits(role: Role, country: Jurisdiction): void {
  if (country === 'REGIONAL' && !REGIONAL_ROLES.includes(role)) {
    throw userError(
      'role-needs-country',
      `A ${role} works on the cases of one country: give a country code, not REGIONAL (regional accounts are ${REGIONAL_ROLES.join(', ')}).`,
      [{ role }],
    );
  }
}

/** Whether a change takes an enabled administrator away (disables or demotes one). */
function removesAdmin(user: PublicUser, req: UserUpdate): boolean {
  return user.role === 'admin' && user.disabled !== true && (req.disabled || req.role !== 'admin');
}

/**
 * The instant of a change: now, or just after the previous change when the clock has not moved
 * past it, so that every change gives the account another updatedAt (which stale-user compares).
 */
function laterThan(now: string, previous: string | null): string {
  const before = previous === null ? NaN : Date.parse(previous);
  return Number.isFinite(before) && Date.parse(now) <= before ? new Date(before + 1).toISOString() : now;
}

function staleUser(expected: string | null, current: PublicUser): AppError {
  return conflict(
    'stale-user',
    `The account "${current.username}" was changed by someone else since you read it (its updatedAt is ${current.updatedAt ?? 'none'}, you sent ${expected ?? 'null'}): read it again with GET /api/users and make your change on what it is now.`,
    [{ expectedUpdatedAt: expected, updatedAt: current.updatedAt ?? null }],
  );
}

function lastAdmin(user: PublicUser): AppError {
  return conflict(
    'last-admin',
    `"${user.username}" is the last enabled administrator of ${user.country}: enable or create another administrator of ${user.country} first, then disable this one or change its role.`,
    [{ country: user.country }],
  );
}

function view(u: PublicUser): AdminUserView {
  return {
    id: u._id,
    username: u.username,
    name: u.name,
    role: u.role,
    country: u.country,
    disabled: u.disabled === true,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt ?? null,
  };
}

/** The parts of an account log entry for what an administrator did to an account. */
function byAdmin(
  admin: SessionUser,
  user: Pick<PublicUser, '_id' | 'username' | 'country'>,
  action: 'user-created' | 'user-changed' | 'password-set',
) {
  return {
    action,
    actorId: admin.id,
    actorUsername: admin.username,
    userId: user._id,
    username: user.username,
    country: user.country,
    address: null,
  };
}
