import { REGIONAL_ROLES, ROLES, type Jurisdiction, type Role } from '@ruta/protocol';
import { ApiError } from '../api/ApiError.js';
import { describeError } from '../ui/ErrorMessage.js';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** The roles an account of `country` may hold (the server's rule, asked here before sending). */
export function rolesFor(country: Jurisdiction): readonly Role[] {
  return country === 'REGIONAL' ? REGIONAL_ROLES : ROLES;
}

export const MIN_PASSWORD_CHARS = 12;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,59}$/;

/**
 * What is wrong with a user name, in the user's language, or null. A name written as people
 * write it ("josé.núñez", "ana lopez") gets the same name without accents or spaces to use.
 */
export function usernameProblem(username: string, t: T): string | null {
  if (USERNAME.test(username)) return null;
  const suggestion = plainUsername(username);
  return suggestion !== username && USERNAME.test(suggestion)
    ? t('users.errors.usernameAccents', { suggestion })
    : t('users.errors.username');
}

/** A user name without accents, ñ or spaces: "José Ñúñez" -> "jose.nunez". */
export function plainUsername(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, '.')
    .replace(/[^a-z0-9._-]/g, '');
}

/** Longest full name the server keeps (apps/server/src/api/userApi.ts). */
const MAX_NAME_CHARS = 120;

/** What is wrong with a person's full name (as it will be sent: trimmed), in the user's language, or null. */
export function nameProblem(name: string, t: T): string | null {
  if (!name) return t('users.errors.name');
  // The server counts UTF-16 units (zod's max), as .length does.
  if (name.length > MAX_NAME_CHARS) return t('users.errors.nameLong', { n: MAX_NAME_CHARS });
  return null;
}

/** What is wrong with a new password, in the user's language, or null. */
export function passwordProblem(password: string, username: string, t: T): string | null {
  // The server's rules: characters as a person sees them (NFC), not one character over and over,
  // not the user name however it is written (full-width, capitals, invisible characters).
  if ([...password.normalize('NFC')].length < MIN_PASSWORD_CHARS)
    return t('users.errors.passwordShort', { n: MIN_PASSWORD_CHARS });
  if (new Set(folded(password).replace(/\s/gu, '')).size <= 1) return t('users.errors.passwordTooSimple');
  if (username && folded(password).includes(folded(username))) return t('users.errors.passwordHasUsername');
  return null;
}

/** Text as the server compares it for "contains" and "one character repeated". */
function folded(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '');
}

/** A refused change of an account, said in the user's language. */
export function describeUserError(err: unknown, t: T): string {
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'password-too-short':
        return t('users.errors.passwordShort', { n: MIN_PASSWORD_CHARS });
      case 'password-has-username':
        return t('users.errors.passwordHasUsername');
      case 'password-too-simple':
        return t('users.errors.passwordTooSimple');
      case 'own-account':
        return t('users.errors.ownAccount');
      case 'role-needs-country':
        return t('users.errors.roleNeedsCountry');
    }
  }
  return describeError(err, t);
}
