// The one rule for a doc the learner has resolved: their choice (or merge) becomes a local edit built on
// the newest server revision seen, and the second version is dropped, so the next push saves it without
// conflicting again. Kept free of zod so the lesson page can call it without loading the sync engine.
import type { PocketDb } from './db';

export async function resolveDocConflict(
  db: PocketDb,
  id: string,
  body: Record<string, unknown>,
  updatedAt: string,
): Promise<void> {
  await db.transaction('rw', db.docs, async () => {
    const row = await db.docs.get(id);
    if (!row) return;
    const { conflict, ...rest } = row;
    const rev = Math.max(row.rev, conflict?.rev ?? 0);
    await db.docs.put({ ...rest, body, rev, dirty: 1, updatedAt });
  });
}
