// Mutable per-learner docs (reflection notes `note:<lessonId>:<blockId>`, `settings`) in `docs`. A local
// edit is stored with `dirty: 1` and the last server `rev` kept, so the sync engine can push it with its
// base revision. A failed write (quota exceeded) rejects and leaves the previous version untouched.
import { type DocRow, db, type PocketDb } from './db';
import { type FieldBase, fieldEdit } from './field-edit';
import { resolveDocConflict } from './resolve-doc-conflict';

export type DocsRepo = ReturnType<typeof createDocsRepo>;

/** The repository over one database: the app's own, or a simulated device's in tests. */
export function createDocsRepo(database: PocketDb) {
  return {
    async get(id: string): Promise<DocRow | null> {
      return (await database.docs.get(id)) ?? null;
    },

    /** Every doc whose id starts with `prefix` (e.g. all reflection notes), by primary key range. */
    async withPrefix(prefix: string): Promise<DocRow[]> {
      return database.docs.where('id').startsWith(prefix).toArray();
    },

    async put(id: string, body: Record<string, unknown>, now = new Date()): Promise<void> {
      await database.transaction('rw', database.docs, async () => {
        const current = await database.docs.get(id);
        const row: DocRow = { id, body, rev: current?.rev ?? 0, dirty: 1, updatedAt: now.toISOString() };
        if (current?.conflict) row.conflict = current.conflict;
        await database.docs.put(row);
      });
    },

    /**
     * Saves a text field typed over the stored version `base` (src/db/field-edit.ts): a change made
     * underneath is never overwritten. Resolves with the row as stored.
     */
    async putField(
      id: string,
      body: Record<string, unknown>,
      field: string,
      base: FieldBase | null,
      now = new Date(),
    ): Promise<DocRow> {
      return database.transaction('rw', database.docs, async () => {
        const row = fieldEdit(await database.docs.get(id), { id, body, field, base }, now.toISOString());
        await database.docs.put(row);
        return row;
      });
    },

    /**
     * The learner chose (or merged) a version of a doc also changed on another device. `seenRev`: the
     * revision of the other version they were shown, so one that arrived since comes back as a conflict.
     */
    async resolveConflict(
      id: string,
      body: Record<string, unknown>,
      now = new Date(),
      seenRev?: number,
    ): Promise<DocRow | null> {
      return resolveDocConflict(database, id, body, now.toISOString(), seenRev);
    },
  };
}

export const docsRepo = createDocsRepo(db);
