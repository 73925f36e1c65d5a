// The most common passwords, refused at sign-up and at a password change: they are the first an attacker
// tries. The list is `passwords-common` of @zxcvbn-ts/language-common (about 49,000 passwords ranked by
// how often they appear in published breaches, maintained with the zxcvbn-ts password-strength estimator),
// shipped with the server as an npm dependency, never sent to devices. Compared case-insensitively after
// NFKC, so "Password123" is refused like "password123".
import { dictionary } from '@zxcvbn-ts/language-common';
import { normalisePassword } from './passwords';

let common: Set<string> | undefined;

function key(password: string): string {
  return normalisePassword(password).toLowerCase();
}

export function isCommonPassword(password: string): boolean {
  // Built on first use (about 20 ms), so a server that never sees a sign-up does not pay for it.
  common ??= new Set(dictionary['passwords-common'].map(key));
  return common.has(key(password));
}
