// Session tokens are 32 random bytes (base64url) handed to the device once; the database keeps only
// their SHA-256, so a leaked database cannot be replayed as sessions.
import { createHash, randomBytes } from 'node:crypto';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
