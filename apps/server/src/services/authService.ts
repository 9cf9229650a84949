import { createHash, randomBytes } from 'node:crypto';
import type { Jurisdiction, Role } from '@ruta/protocol';
import type { SessionRepository } from '../db/repositories/sessionRepository.js';
import type { UserRepository } from '../db/repositories/userRepository.js';
import type { Clock } from '../deps.js';
import type { UserDoc } from '../db/schemas/userSchema.js';
import { AppError, unauthenticated, userError } from '../errors.js';
import type { AccountLog } from './accountLog.js';
import { checkNewPassword, checkPassword, decoy, hashPassword } from './passwords.js';

/** The logged-in user as every service sees it. */
export interface SessionUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  country: Jurisdiction;
  /** The password was set by an administrator: the user may only choose their own (changeOwnPassword). */
  mustChangePassword: boolean;
}

export interface LoginResult {
  user: SessionUser;
  token: string;
  expiresAt: string;
}

/** Sessions are cached this long in memory: a logout elsewhere takes at most this to apply here. */
const CACHE_MS = 5_000;

/**
 * Password checks (the account's lookup, then scrypt: 32 MB and 100-200 ms each at the default
 * cost) one server process runs or queues at once. Node runs four at a time, so a login waits
 * at most about two checks' time behind others; beyond this, a login is refused at once
 * (LoginsBusy) instead of queueing behind a flood of made-up ones.
 */
export const DEFAULT_MAX_PASSWORD_CHECKS = 8;

/** How long a login refused for being one too many at once should wait, in seconds. */
export const LOGINS_BUSY_RETRY_SECONDS = 2;

/**
 * A login refused without checking its password, because as many password checks as allowed
 * are running: an operational refusal, not the caller's fault; the HTTP layer answers 429 with
 * Retry-After. Every user name gets it alike, so it tells nothing about which accounts exist.
 */
export class LoginsBusy extends Error {
  readonly retryAfterSeconds = LOGINS_BUSY_RETRY_SECONDS;

  constructor() {
    super(
      `The server is checking as many passwords as it can at once; try again in ${LOGINS_BUSY_RETRY_SECONDS} seconds.`,
    );
    this.name = 'LoginsBusy';
  }
}

/**
 * A user name as typed at login, as stored: user names are lowercase, and a name pasted or
 * typed with a capital or a space around it is still that name.
 *
 * @example loginName(' Caseworker.GT ') // 'caseworker.gt'
 */
export function loginName(typed: string): string {
  return typed.trim().toLowerCase();
}

/**
 * How the account log keeps a user name no account has: its first character and its length, the
 * rest hidden. What was typed may be a password typed into the wrong box (or someone's name), and
 * the log is read by administrators; the first character and the length still tell one attack on
 * many names from one person mistyping theirs.
 *
 * @example maskedUnknownName('nadie.gt') === 'n••••••• (8)'
 */
export function maskedUnknownName(typed: string): string {
  const chars = Array.from(typed);
  if (chars.length === 0) return '(0)';
  return `${chars[0]}${'•'.repeat(Math.min(chars.length - 1, 59))} (${chars.length})`;
}

export class AuthService {
  private readonly cache = new Map<string, { user: SessionUser; until: number }>();
  /** Password checks running or queued now. */
  private checking = 0;

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
    private readonly sessionTtlMs: number,
    private readonly passwordCost: number,
    private readonly accountLog: AccountLog,
    private readonly maxPasswordChecks = DEFAULT_MAX_PASSWORD_CHECKS,
  ) {}

  /**
   * Checks the password and opens a session; the same answer for an unknown user and a wrong
   * password. Throws LoginsBusy, without checking, when too many checks are running already.
   */
  async login(typedUsername: string, password: string, address: string | null = null): Promise<LoginResult> {
    const username = loginName(typedUsername);
    const { found, ok } = await this.oneOfFewChecks(async () => {
      const found = await this.users.findByUsername(username);
      const fallback = decoy(this.passwordCost);
      const ok = await checkPassword(
        password,
        found?.passwordSalt ?? fallback.salt,
        found?.passwordHash ?? fallback.hash,
      );
      return { found, ok };
    });
    if (!found || !ok || found.disabled === true) {
      await this.accountLog.record({
        action: 'login-failed',
        actorId: null,
        actorUsername: null,
        userId: found?._id ?? null,
        username: found?.username ?? maskedUnknownName(username),
        country: found?.country ?? 'REGIONAL',
        changes: [],
        address,
      });
    }
    if (!found || !ok) throw unauthenticated('Wrong user name or password.');
    // Told only to whoever knows the password: the account exists but may not be used.
    if (found.disabled === true) {
      throw new AppError(
        'unauthenticated',
        'account-disabled',
        'This account is disabled: ask an administrator of your country to enable it.',
      );
    }
    const { user, token, expiresAt } = await this.openSession(found, username);
    await this.accountLog.record({ ...this.byItself(user, 'login'), address });
    return { user, token, expiresAt };
  }

  /**
   * Opens a session for the account as `found` at the password check. An administrator may have
   * changed the account while its password was being checked (a new password, disabled, another
   * role or country) and ended its sessions before this one was stored: then this one ends too.
   */
  private async openSession(found: UserDoc, username: string): Promise<LoginResult> {
    const now = this.clock();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.parse(now) + this.sessionTtlMs).toISOString();
    const user: SessionUser = {
      id: found._id,
      username: found.username,
      name: found.name,
      role: found.role,
      country: found.country,
      mustChangePassword: found.mustChangePassword === true,
    };
    await this.sessions.insert({
      _id: tokenHash(token),
      userId: user.id,
      username: user.username,
      name: user.name,
      role: user.role,
      country: user.country,
      createdAt: now,
      expiresAt,
      ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
    });
    const after = await this.users.findByUsername(username);
    if (
      !after ||
      after._id !== found._id ||
      after.passwordHash !== found.passwordHash ||
      after.disabled === true ||
      after.role !== found.role ||
      after.country !== found.country
    ) {
      await this.sessions.remove(tokenHash(token));
      throw unauthenticated('The account was changed while you logged in: log in again.');
    }
    return { user, token, expiresAt };
  }

  /**
   * The user chooses their own password, giving the current one: every session of theirs ends
   * (one opened with the old password elsewhere too) and a new one is opened for this user.
   * Failed attempts count against the login limits (the route says so).
   */
  async changeOwnPassword(
    user: SessionUser,
    req: { currentPassword: string; newPassword: string },
    address: string | null,
  ): Promise<LoginResult> {
    const found = await this.users.findByUsername(user.username);
    if (!found || found._id !== user.id) throw unauthenticated('Log in again.');
    const ok = await this.oneOfFewChecks(() =>
      checkPassword(req.currentPassword, found.passwordSalt, found.passwordHash),
    );
    if (!ok) {
      throw userError(
        'wrong-password',
        'The current password is not right: give the one you logged in with.',
        [{ in: 'body', path: 'currentPassword' }],
      );
    }
    checkNewPassword(req.newPassword, found.username);
    if (req.newPassword.normalize('NFC') === req.currentPassword.normalize('NFC')) {
      throw userError('password-unchanged', 'Choose a password other than the current one.', [
        { in: 'body', path: 'newPassword' },
      ]);
    }
    const { salt, hash } = await hashPassword(req.newPassword, this.passwordCost);
    const changed = await this.users.update(found._id, {
      passwordSalt: salt,
      passwordHash: hash,
      mustChangePassword: false,
    });
    if (!changed) throw unauthenticated('Log in again.');
    await this.endSessionsOf(found._id);
    const session = await this.openSession(
      { ...found, passwordSalt: salt, passwordHash: hash, mustChangePassword: false },
      found.username,
    );
    await this.accountLog.record({ ...this.byItself(session.user, 'password-changed'), address });
    return session;
  }

  /**
   * Runs a password check (the account's lookup and scrypt), or throws LoginsBusy at once,
   * before any work, when `maxPasswordChecks` are running. The slot is held until the check
   * ends, also when the client has gone away meanwhile, so aborted requests cannot pile up checks.
   */
  private async oneOfFewChecks<T>(check: () => Promise<T>): Promise<T> {
    if (this.checking >= this.maxPasswordChecks) throw new LoginsBusy();
    this.checking++;
    try {
      return await check();
    } finally {
      this.checking--;
    }
  }

  /** The user of a live session, or null for an unknown or expired token. */
  async authenticate(token: string): Promise<SessionUser | null> {
    if (token.length < 16 || token.length > 128) return null;
    const key = tokenHash(token);
    const now = this.clock();
    const nowMs = Date.parse(now);
    const hit = this.cache.get(key);
    if (hit && hit.until > nowMs) return hit.user;
    const s = await this.sessions.findLive(key, now);
    if (!s) {
      this.cache.delete(key);
      return null;
    }
    const user: SessionUser = {
      id: s.userId,
      username: s.username,
      name: s.name,
      role: s.role,
      country: s.country,
      mustChangePassword: s.mustChangePassword === true,
    };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { user, until: Math.min(nowMs + CACHE_MS, Date.parse(s.expiresAt)) });
    return user;
  }

  async logout(token: string, user: SessionUser, address: string | null = null): Promise<void> {
    const key = tokenHash(token);
    this.cache.delete(key);
    await this.sessions.remove(key);
    await this.accountLog.record({ ...this.byItself(user, 'logout'), address });
  }

  /** An account log entry of something the user did to their own account. */
  private byItself(user: SessionUser, action: 'login' | 'logout' | 'password-changed') {
    return {
      action,
      actorId: user.id,
      actorUsername: user.username,
      userId: user.id,
      username: user.username,
      country: user.country,
      changes: [],
    };
  }

  /**
   * Ends every session of a user at once, here and in the database (other server processes
   * notice within their cache time): after the user is disabled, changes role or gets a new
   * password, since a session carries the role it was opened with.
   */
  async endSessionsOf(userId: string): Promise<void> {
    for (const [key, hit] of this.cache) if (hit.user.id === userId) this.cache.delete(key);
    await this.sessions.removeForUser(userId);
  }

  async purgeExpired(): Promise<number> {
    return this.sessions.purgeExpired(this.clock());
  }
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
