// Mutable per-learner docs (reflection notes `note:<lessonId>:<blockId>`, `settings`) in `docs`. A local
// edit is stored with `dirty: 1` and the last server `rev` kept, so the sync engine can push it with its
// base revision. A failed write (quota exceeded) rejects and leaves the previous version untouched.
import { type DocRow, db } from './db';
import { resolveDocConflict } from './resolve-doc-conflict';

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

  /** The learner chose (or merged) a version of a doc also changed on another device. */
  async resolveConflict(id: string, body: Record<string, unknown>, now = new Date()): Promise<void> {
    await resolveDocConflict(db, id, body, now.toISOString());
  },
};
