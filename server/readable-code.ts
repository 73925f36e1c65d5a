// New readable codes (src/shared/protocol/readable-code.ts). node:crypto's randomInt draws uniformly (it rejects
// biased values itself), so every character is equally likely: 31^length codes.
import { randomInt } from 'node:crypto';
import { READABLE_ALPHABET } from '../src/shared/protocol/readable-code';

export function newReadableCode(length: number, draw: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < length; i++) code += READABLE_ALPHABET[draw(READABLE_ALPHABET.length)];
  return code;
}
