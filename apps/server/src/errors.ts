/**
 * The few kinds of failure a service can report. Services and repositories throw these;
 * one Express error handler (http/errorHandler.ts) maps them to HTTP. Nothing below the
 * routes knows about status codes.
 */
export type ErrorKind =
  /** The caller sent something that cannot be used; the message says what to fix. */
  | 'user'
  /** Not logged in, or the session expired. */
  | 'unauthenticated'
  /** Logged in, but the role or country does not allow it. */
  | 'forbidden'
  /** No such thing, or the caller may not know it exists. */
  | 'not-found'
  /** Someone else changed it first (stale expectedVersion / expectedRevision). */
  | 'conflict'
  /** Well-formed, but the rules say no now: details carry every reason. */
  | 'rejected';

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: unknown[];

  constructor(kind: ErrorKind, code: string, message: string, details: unknown[] = []) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

/** Bad input: `code` is stable for clients, `message` tells the user what to change. */
export function userError(code: string, message: string, details: unknown[] = []): AppError {
  return new AppError('user', code, message, details);
}

export function notFound(what: string, id: string): AppError {
  return new AppError('not-found', 'not-found', `No ${what} with id "${id}" exists, or you may not see it.`);
}

export function forbidden(message: string): AppError {
  return new AppError('forbidden', 'forbidden', message);
}

export function unauthenticated(message = 'Log in first: POST /api/auth/login.'): AppError {
  return new AppError('unauthenticated', 'unauthenticated', message);
}

export function conflict(code: string, message: string, details: unknown[] = []): AppError {
  return new AppError('conflict', code, message, details);
}

export function rejected(code: string, message: string, details: unknown[]): AppError {
  return new AppError('rejected', code, message, details);
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
