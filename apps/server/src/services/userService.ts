import { REGIONAL_ROLES, type Jurisdiction, type Role } from '@ruta/protocol';
import type { Logger } from 'pino';
import type { PublicUser, UserRepository } from '../db/repositories/userRepository.js';
import type { Clock, Ids } from '../deps.js';
import { conflict, forbidden, notFound, userError } from '../errors.js';
import type { AuthService, SessionUser } from './authService.js';
import { hashPassword } from './passwords.js';

/** Shortest password an administrator may set. */
export const MIN_PASSWORD_CHARS = 12;

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

export interface UserServiceDeps {
  users: UserRepository;
  auth: AuthService;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  passwordCost: number;
}

/**
 * Accounts, as administrators keep them: an administrator of a country manages that country's
 * users, a regional administrator everyone's. Users of another country are "not found" (their
 * existence is not for a foreign administrator to learn). Disabling a user, changing their role
 * or setting their password ends their sessions, since a session carries the role it was
 * opened with. Nobody can disable themselves or change their own role, so an administrator
 * cannot lock the last door behind them.
 */
export class UserService {
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
    checkPassword(req.password, req.username);
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
    });
    if (!created) {
      throw conflict('username-taken', `The user name "${req.username}" is taken: choose another one.`, [
        { username: req.username },
      ]);
    }
    this.d.logger.info({ by: admin.id, user: id, role: req.role, country: req.country }, 'user created');
    return view((await this.d.users.find(id))!);
  }

  /** Sets a user's name, role and whether they may log in. */
  async update(
    admin: SessionUser,
    userId: string,
    req: { name: string; role: Role; disabled: boolean },
  ): Promise<AdminUserView> {
    const user = await this.managed(admin, userId);
    if (user._id === admin.id && (req.disabled || req.role !== user.role)) {
      throw userError(
        'own-account',
        'You cannot disable your own account or change your own role: ask another administrator.',
      );
    }
    checkRoleFits(req.role, user.country);
    const updated = await this.d.users.update(userId, {
      name: req.name,
      role: req.role,
      disabled: req.disabled,
      updatedAt: this.d.clock(),
    });
    if (!updated) throw notFound('user', userId);
    if (req.disabled !== (user.disabled === true) || req.role !== user.role) {
      await this.d.auth.endSessionsOf(userId);
    }
    this.d.logger.info(
      { by: admin.id, user: userId, role: req.role, disabled: req.disabled },
      'user changed',
    );
    return view(updated);
  }

  /** Gives a user a new password (e.g. a forgotten one) and ends their sessions. */
  async setPassword(admin: SessionUser, userId: string, password: string): Promise<void> {
    const user = await this.managed(admin, userId);
    checkPassword(password, user.username);
    const { salt, hash } = await hashPassword(password, this.d.passwordCost);
    if (
      !(await this.d.users.update(userId, {
        passwordSalt: salt,
        passwordHash: hash,
        updatedAt: this.d.clock(),
      }))
    )
      throw notFound('user', userId);
    await this.d.auth.endSessionsOf(userId);
    this.d.logger.info({ by: admin.id, user: userId }, 'user password set');
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

function checkPassword(password: string, username: string): void {
  if ([...password].length < MIN_PASSWORD_CHARS) {
    throw userError(
      'password-too-short',
      `The password must have at least ${MIN_PASSWORD_CHARS} characters; a few unrelated words make one easy to remember.`,
      [{ minimum: MIN_PASSWORD_CHARS }],
    );
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    throw userError(
      'password-has-username',
      'The password must not contain the user name: choose another one.',
    );
  }
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
