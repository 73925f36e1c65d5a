// Mutable per-learner docs (reflection notes `note:<lessonId>:<blockId>`, `settings`) in `docs`. A local
// edit is stored with `dirty: 1` and the last server `rev` kept, so the sync engine can push it with its
// base revision. Every write applies one rule of src/db/doc-writes.ts in the same get/put transaction. A
// failed write (quota exceeded) rejects and leaves the previous version untouched.
import { type DocRow, db, type PocketDb } from './db';
import { editedDoc, type FieldBase, resolvedDoc } from './doc-writes';

export type DocsRepo = ReturnType<typeof createDocsRepo>;

/** The repository over one database: the app's own, or a simulated device's in tests. */
export function createDocsRepo(database: PocketDb) {
  /** Reads the row, applies `rule` and stores what it returns, in one transaction. */
  function write<R extends DocRow | null>(id: string, rule: (current: DocRow | undefined) => R): Promise<R> {
    return database.transaction('rw', database.docs, async () => {
      const row = rule(await database.docs.get(id));
      if (row) await database.docs.put(row);
      return row;
    });
  }

  return {
    async get(id: string): Promise<DocRow | null> {
      return (await database.docs.get(id)) ?? null;
    },

    /** Every doc whose id starts with `prefix` (e.g. all reflection notes), by primary key range. */
    async withPrefix(prefix: string): Promise<DocRow[]> {
      return database.docs.where('id').startsWith(prefix).toArray();
    },

    async put(id: string, body: Record<string, unknown>, now = new Date()): Promise<void> {
      await write(id, (current) => editedDoc(current, id, body, now.toISOString()));
    },

    /**
     * Saves a text field typed over the stored version `base`: a change made underneath is never
     * overwritten. Resolves with the row as stored.
     */
    async putField(
      id: string,
      body: Record<string, unknown>,
      field: string,
      base: FieldBase | null,
      now = new Date(),
    ): Promise<DocRow> {
      const typedOver = base ? { field, base } : undefined;
      return write(id, (current) => editedDoc(current, id, body, now.toISOString(), typedOver));
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
      return write(id, (current) => resolvedDoc(current, body, now.toISOString(), seenRev));
    },
  };
}

export const docsRepo = createDocsRepo(db);
