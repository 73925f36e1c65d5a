// The pull cursor: opaque to devices, base64url of `{"v":2,"e":<event seq>,"d":<doc seq>,"i":<event id>}` —
// the last per-learner event and doc sequences the device has, and the id of the event at sequence `e`.
// The id lets the server tell that it has lost data the device already pulled (a restore from backup,
// commits lost in a power cut): the event at `e` is missing or another one, even once new pushes have
// carried the sequence past `e` again. Version 1 cursors (without `i`) are still read. Anything else is
// refused, never guessed at.
import { z } from 'zod';

export type SyncCursor = { e: number; d: number; i?: string };

const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const cursorSchema = z.union([
  z.strictObject({ v: z.literal(1), e: seq, d: seq }),
  z.strictObject({ v: z.literal(2), e: seq, d: seq, i: z.string().min(1).max(100) }),
]);

export function encodeCursor({ e, d, i }: SyncCursor): string {
  const value = i === undefined ? { v: 1, e, d } : { v: 2, e, d, i };
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor(text: string): SyncCursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    const { e, d } = parsed.data;
    return parsed.data.v === 2 ? { e, d, i: parsed.data.i } : { e, d };
  } catch {
    return null;
  }
}
