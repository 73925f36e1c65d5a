// Password hashing with scrypt from node:crypto. The stored string carries its own parameters and
// salt (`scrypt$logN$r$p$salt$hash`), so the cost can be raised later without breaking old hashes:
// a sign-in that verifies an older hash says so (`rehash`) and the route stores a new one.
// Passwords are normalised to Unicode NFKC first, so "é" typed as one code point on a phone and as "e" plus
// a combining accent on a laptop is the same password.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 64;
const R = 8;
const P = 1;

/** OWASP's Password Storage Cheat Sheet: scrypt with N = 2^17, r = 8, p = 1 at least (128 MiB per hash). */
export const OWASP_MIN_LOG_N = 17;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r + 16 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

export async function hashPassword(password: string, logN: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(normalisePassword(password), salt, logN, R, P);
  return ['scrypt', logN, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

async function matches(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(logN), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** True when `stored` was made with a lower cost than `logN` (or other parameters than today's). */
export function needsRehash(stored: string, logN: number): boolean {
  const [scheme, storedLogN, r, p] = stored.split('$');
  return scheme !== 'scrypt' || Number(storedLogN) < logN || Number(r) !== R || Number(p) !== P;
}

/**
 * Whether `password` is the one `stored` was made from, and whether the hash should be made again at
 * `logN` (an older, cheaper hash; or one made before passwords were normalised, which verifies only as typed).
 */
export async function checkPassword(
  password: string,
  stored: string,
  logN: number,
): Promise<{ ok: boolean; rehash: boolean }> {
  const normal = normalisePassword(password);
  if (await matches(normal, stored)) return { ok: true, rehash: needsRehash(stored, logN) };
  if (normal !== password && (await matches(password, stored))) return { ok: true, rehash: true };
  return { ok: false, rehash: false };
}
