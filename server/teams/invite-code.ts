// Join codes: 8 characters from an alphabet without look-alikes, drawn with node:crypto's uniform
// randomInt, so 31^8 (about 8.5 × 10^11) codes and no bias toward any letter.
import { randomInt } from 'node:crypto';
import { INVITE_CODE_ALPHABET } from '../../src/shared/team-protocol';

export const INVITE_CODE_LENGTH = 8;

export function newInviteCode(draw: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++)
    code += INVITE_CODE_ALPHABET[draw(INVITE_CODE_ALPHABET.length)];
  return code;
}

/** Whether an account's email is inside `domain`: the domain itself or one of its subdomains. */
export function emailInDomain(email: string, domain: string): boolean {
  const host = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return host === domain || host.endsWith(`.${domain}`);
}
