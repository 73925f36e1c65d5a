// Certificate ids: short enough to type from paper, random enough that nobody finds one by guessing.
import { randomInt } from 'node:crypto';
import { CERTIFICATE_ID_ALPHABET, CERTIFICATE_ID_LENGTH } from '../../src/shared/certificate-protocol';

export function newCertificateId(): string {
  let id = '';
  // randomInt draws uniformly (it rejects biased values itself), so every character is equally likely.
  for (let i = 0; i < CERTIFICATE_ID_LENGTH; i++) {
    id += CERTIFICATE_ID_ALPHABET[randomInt(CERTIFICATE_ID_ALPHABET.length)];
  }
  return id;
}
