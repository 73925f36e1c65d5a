// A leader's reset code is short enough to read aloud (about 49 random bits), so unlike recovery codes and
// reset links it is stored with the password hash (scrypt, salted): a copy of the database does not give
// the code away within its 24 hours. Typed codes are normalised first, so case and hyphens do not matter.
import {
  LEADER_RESET_CODE_LENGTH,
  normaliseLeaderResetCode,
} from '../../src/shared/protocol/leader-reset-protocol';
import { checkPassword, hashPassword } from '../passwords';
import { newReadableCode } from '../readable-code';

export function newLeaderResetCode(): string {
  return newReadableCode(LEADER_RESET_CODE_LENGTH);
}

export function hashLeaderResetCode(code: string, logN: number): Promise<string> {
  return hashPassword(normaliseLeaderResetCode(code), logN);
}

const standIns = new Map<number, Promise<string>>();

/**
 * Whether `typed` is the code `stored` was made from. With no stored code the check runs against a
 * stand-in hash, so an answer takes as long whether or not the person has a code waiting.
 */
export async function leaderResetCodeMatches(
  typed: string,
  stored: string | null | undefined,
  logN: number,
): Promise<boolean> {
  let hash = stored;
  if (!hash) {
    const standIn = standIns.get(logN) ?? hashPassword(newLeaderResetCode(), logN);
    standIns.set(logN, standIn);
    hash = await standIn;
  }
  const { ok } = await checkPassword(normaliseLeaderResetCode(typed), hash, logN);
  return ok && Boolean(stored);
}
