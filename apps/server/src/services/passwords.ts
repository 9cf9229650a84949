import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt: memory-hard, in node:crypto. N=2^15 costs ~32 MB and ~50-100 ms per hash here.
const PARAMS = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, PARAMS, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** A new salt and the scrypt hash of the password with it, both hex. */
export async function hashPassword(password: string): Promise<{ salt: string; hash: string }> {
  const salt = randomBytes(16);
  return { salt: salt.toString('hex'), hash: (await derive(password, salt)).toString('hex') };
}

/** Whether the password matches, compared in constant time. */
export async function checkPassword(password: string, salt: string, hash: string): Promise<boolean> {
  const expected = Buffer.from(hash, 'hex');
  const actual = await derive(password, Buffer.from(salt, 'hex'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A salt and hash that match nothing: checked against when the user does not exist, so timing does not tell. */
export const DECOY = { salt: '00'.repeat(16), hash: '00'.repeat(KEY_LENGTH) };
