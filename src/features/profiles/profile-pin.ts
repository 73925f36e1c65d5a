// A person's PIN on a shared device: 4 to 8 digits, kept only as PBKDF2-SHA-256 with a salt of its own
// (WebCrypto). It is a privacy screen between colleagues, not security: anyone holding the device can
// read its storage (docs/accounts.md). The crypto and the salt are passed in, so the rules test as tables.
import type { StoredPin } from '../../db/profiles-repo';

/**
 * Kept low enough for a PIN to open a profile at once on a cheap tablet. A higher cost would not make a
 * PIN safe: 4 to 8 digits are at most 10^8 guesses, so the hash only keeps the digits from being read off
 * the storage at a glance. Stored with each PIN so it can change later.
 */
export const PIN_ITERATIONS = 100_000;

/** Why `pin` cannot be a PIN, or null when it can. */
export function pinProblem(pin: string): string | null {
  if (pin === '') return 'Enter a PIN of 4 to 8 digits.';
  if (!/^[0-9]+$/.test(pin)) return 'A PIN is digits only (0 to 9).';
  if (pin.length < 4 || pin.length > 8) return 'A PIN is 4 to 8 digits.';
  return null;
}

export type PinCrypto = Pick<SubtleCrypto, 'importKey' | 'deriveBits'>;

async function derive(subtle: PinCrypto, pin: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return toBase64(new Uint8Array(bits));
}

export async function hashPin(
  pin: string,
  salt: Uint8Array,
  subtle: PinCrypto = crypto.subtle,
  iterations = PIN_ITERATIONS,
): Promise<StoredPin> {
  return { salt: toBase64(salt), hash: await derive(subtle, pin, salt, iterations), iterations };
}

export async function pinMatches(
  pin: string,
  stored: StoredPin,
  subtle: PinCrypto = crypto.subtle,
): Promise<boolean> {
  if (pinProblem(pin)) return false;
  return (await derive(subtle, pin, fromBase64(stored.salt), stored.iterations)) === stored.hash;
}

/** A fresh 16-byte salt for a new PIN. */
export function newPinSalt(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(16));
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
