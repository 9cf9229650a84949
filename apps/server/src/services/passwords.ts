import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { userError } from '../errors.js';

/** The fewest characters a password may have. */
export const MIN_PASSWORD_CHARS = 12;

/** log2 of scrypt's N by default: 2^15 costs 32 MB and ~100 ms per hash on this kind of machine. */
export const DEFAULT_COST = 15;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: number): Promise<Buffer> {
  const N = 2 ** cost;
  const params = { N, r: 8, p: 1, maxmem: 256 * N * 8 + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, params, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/**
 * A new per-user salt and the scrypt hash of the password with it. The hash records its cost
 * ("scrypt:15:<hex>") so the cost can be raised later without breaking stored passwords.
 */
export async function hashPassword(
  password: string,
  cost = DEFAULT_COST,
): Promise<{ salt: string; hash: string }> {
  const salt = randomBytes(16);
  return {
    salt: salt.toString('hex'),
    hash: `scrypt:${cost}:${(await derive(password, salt, cost)).toString('hex')}`,
  };
}

/** Whether the password matches the stored salt and hash, compared in constant time. */
export async function checkPassword(password: string, salt: string, stored: string): Promise<boolean> {
  const m = /^scrypt:(\d{1,2}):([0-9a-f]+)$/.exec(stored);
  if (!m) return false;
  const expected = Buffer.from(m[2]!, 'hex');
  const actual = await derive(password, Buffer.from(salt, 'hex'), Number(m[1]));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A salt and hash that match nothing, checked when the user does not exist so timing does not tell. */
export function decoy(cost = DEFAULT_COST): { salt: string; hash: string } {
  return { salt: '00'.repeat(16), hash: `scrypt:${cost}:${'00'.repeat(KEY_LENGTH)}` };
}

/**
 * Refuses a password that is easy to guess: shorter than MIN_PASSWORD_CHARS characters as a
 * person sees them (counted after NFC, so "e" and a combining accent are one), only white space
 * or one character repeated (whatever its case or width, with spaces or not), or containing the
 * user name however it is written (full-width letters, capitals, invisible characters between).
 */
export function checkNewPassword(password: string, username: string): void {
  const chars = [...password.normalize('NFC')];
  if (chars.length < MIN_PASSWORD_CHARS) {
    throw userError(
      'password-too-short',
      `The password must have at least ${MIN_PASSWORD_CHARS} characters; a few unrelated words make one easy to remember.`,
      [{ minimum: MIN_PASSWORD_CHARS }],
    );
  }
  // what is left once spaces and invisible characters are dropped and case is folded
  const seen = new Set(comparable(password).replace(/\s/gu, ''));
  if (seen.size <= 1) {
    throw userError(
      'password-too-simple',
      'The password must not be only spaces or one character repeated; a few unrelated words make one easy to remember.',
    );
  }
  if (comparable(password).includes(comparable(username))) {
    throw userError(
      'password-has-username',
      'The password must not contain the user name: choose another one.',
    );
  }
}

/**
 * Text as compared for "contains": compatibility forms folded (NFKC: full-width "ａ" is "a"),
 * case folded (upper then lower, so "ß" is "ss"), invisible characters dropped.
 */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '');
}
