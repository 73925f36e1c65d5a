// Recovery codes: random, shown to the learner once, stored only as SHA-256 hashes salted with the learner's
// id. A fast hash is enough here (unlike passwords): each code carries 60 random bits, and guesses are
// rate-limited, so there is nothing a slow hash would add against someone holding the table.
import { createHash, randomBytes } from 'node:crypto';
import {
  normaliseRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_COUNT,
} from '../../src/shared/protocol/recovery-protocol';

const CODE_LENGTH = 12;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    // The alphabet has 32 characters, so the low five bits of a byte pick one with no bias.
    const bytes = randomBytes(CODE_LENGTH);
    codes.add(Array.from(bytes, (b) => RECOVERY_CODE_ALPHABET[b & 31]).join(''));
  }
  return [...codes];
}

export function hashRecoveryCode(learnerId: string, typed: string): string {
  return createHash('sha256')
    .update(`${learnerId}:${normaliseRecoveryCode(typed)}`)
    .digest('hex');
}
