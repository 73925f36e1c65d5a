// The one rule for a doc the learner has resolved: their choice (or merge) becomes a local edit built on
// the server revision they were shown (by default the newest seen), and the second version is dropped, so
// the next push saves it without conflicting again. If the server moved on past what the learner was shown,
// the push is answered with a conflict and the newer version is offered in turn: nothing unseen is dropped.
// Kept free of zod so the lesson page can call it without loading the sync engine.
import type { DocRow, PocketDb } from './db';

export async function resolveDocConflict(
  db: PocketDb,
  id: string,
  body: Record<string, unknown>,
  updatedAt: string,
  seenRev?: number,
): Promise<DocRow | null> {
  return db.transaction('rw', db.docs, async () => {
    const row = await db.docs.get(id);
    if (!row) return null;
    const { conflict, ...rest } = row;
    const newest = Math.max(row.rev, conflict?.rev ?? 0);
    const rev = seenRev === undefined ? newest : Math.min(newest, Math.max(row.rev, seenRev));
    const resolved: DocRow = { ...rest, body, rev, dirty: 1, updatedAt };
    await db.docs.put(resolved);
    return resolved;
  });
}
