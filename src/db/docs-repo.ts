// Mutable per-learner docs (reflection notes `note:<lessonId>:<blockId>`, `settings`) in `docs`. A local
// edit is stored with `dirty: 1` and the last server `rev` kept, so the sync engine can push it with its
// base revision. A failed write (quota exceeded) rejects and leaves the previous version untouched.
import { type DocRow, db } from './db';

export const docsRepo = {
  async get(id: string): Promise<DocRow | null> {
    return (await db.docs.get(id)) ?? null;
  },

  /** Every doc whose id starts with `prefix` (e.g. all reflection notes), by primary key range. */
  async withPrefix(prefix: string): Promise<DocRow[]> {
    return db.docs.where('id').startsWith(prefix).toArray();
  },

  async put(id: string, body: Record<string, unknown>, now = new Date()): Promise<void> {
    await db.transaction('rw', db.docs, async () => {
      const current = await db.docs.get(id);
      const row: DocRow = { id, body, rev: current?.rev ?? 0, dirty: 1, updatedAt: now.toISOString() };
      if (current?.conflict) row.conflict = current.conflict;
      await db.docs.put(row);
    });
  },

  /**
   * The learner chose (or merged) a version of a doc that was also changed on another device. The choice is
   * a new local edit built on the newest server revision seen, so the next push saves it without another
   * conflict; the second version is dropped. Same rule as `resolveConflict` in sync-store.ts, kept here so
   * the lesson page does not load the sync engine (and zod) to resolve a note.
   */
  async resolveConflict(id: string, body: Record<string, unknown>, now = new Date()): Promise<void> {
    await db.transaction('rw', db.docs, async () => {
      const current = await db.docs.get(id);
      if (!current) return;
      const { conflict, ...rest } = current;
      const rev = Math.max(current.rev, conflict?.rev ?? 0);
      await db.docs.put({ ...rest, body, rev, dirty: 1, updatedAt: now.toISOString() });
    });
  },
};
