// The pull cursor: opaque to devices, base64url of `{"v":1,"e":<event seq>,"d":<doc seq>}` — the last
// per-learner event and doc sequences the device has. Anything else is refused, never guessed at.
import { z } from 'zod';

export type SyncCursor = { e: number; d: number };

const cursorSchema = z.strictObject({
  v: z.literal(1),
  e: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  d: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

export function encodeCursor({ e, d }: SyncCursor): string {
  return Buffer.from(JSON.stringify({ v: 1, e, d })).toString('base64url');
}

export function decodeCursor(text: string): SyncCursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { e: parsed.data.e, d: parsed.data.d } : null;
  } catch {
    return null;
  }
}
