import { createHash } from 'node:crypto';

/** Short sha256 hex digest used for lesson, module and image hashes. */
export function hashText(data: string | Uint8Array, length = 12): string {
  return createHash('sha256').update(data).digest('hex').slice(0, length);
}
