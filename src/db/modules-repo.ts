// Downloaded module bundles: the catalogue entry (with the hash, size and time of download) in `modules`
// and its compiled lessons in `lessons`, written in one transaction with the removal of the download's
// received pieces, so a half-stored module never shows. On failure (quota exceeded, closed database) the
// promise rejects and the old copy, the pieces and the learner's events stay exactly as they were.
import { checkedBundle } from '../shared/content/checked-bundle';
import type { CatalogModule, ModuleBundle } from '../shared/content/content-types';
import { db, type LessonRow, type ModuleRow } from './db';

export const modulesRepo = {
  async get(id: string): Promise<ModuleRow | null> {
    return (await db.modules.get(id)) ?? null;
  },

  /** Modules whose lessons are on this device, in course order. */
  async downloaded(): Promise<ModuleRow[]> {
    const rows = await db.modules.orderBy('order').toArray();
    return rows.filter((row) => row.downloadedHash !== undefined);
  },

  /**
   * Stores a module's bundle. A lesson whose hash differs from the copy already stored gets `changedAt`
   * (the "Updated" mark); a lesson no longer in the bundle leaves `lessons`, while the learner's events
   * for it, and so their record, are untouched.
   */
  async storeBundle(module: CatalogModule, bundle: ModuleBundle, now = new Date()): Promise<void> {
    // Every writer of lessons passes this one check: nothing is stored under a hash it does not have.
    checkedBundle(module, bundle);
    await db.transaction('rw', db.modules, db.lessons, db.downloadParts, async () => {
      const previous = await db.lessons.where('moduleId').equals(module.id).toArray();
      const before = new Map(previous.map((l) => [l.id, l]));
      const keep = new Set(bundle.lessons.map((l) => l.id));
      await db.lessons.bulkDelete(previous.filter((l) => !keep.has(l.id)).map((l) => l.id));
      const rows = bundle.lessons.map((lesson): LessonRow => {
        const old = before.get(lesson.id);
        if (!old) return lesson;
        if (old.hash !== lesson.hash) return { ...lesson, changedAt: now.toISOString() };
        return old.changedAt ? { ...lesson, changedAt: old.changedAt } : lesson;
      });
      await db.lessons.bulkPut(rows);
      await db.downloadParts.where('moduleId').equals(module.id).delete();
      await db.modules.put({
        ...module,
        downloadedHash: bundle.hash,
        downloadedAt: now.toISOString(),
        downloadedBytes: module.bytes,
      });
    });
  },

  /** Removes a download: its lessons and any received pieces go, progress and notes (events, docs) stay. */
  async removeDownload(id: string): Promise<void> {
    await db.transaction('rw', db.modules, db.lessons, db.downloadParts, async () => {
      await db.lessons.where('moduleId').equals(id).delete();
      await db.downloadParts.where('moduleId').equals(id).delete();
      await db.modules.delete(id);
    });
  },
};
