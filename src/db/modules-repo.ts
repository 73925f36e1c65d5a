// Downloaded module bundles: the catalogue entry (with the hash and time of download) in `modules` and
// its compiled lessons in `lessons`, written in one transaction so a half-stored module never shows.
// On failure (quota exceeded, closed database) the promise rejects and the old copy stays as it was.
import type { CatalogModule, ModuleBundle } from '../shared/content-types';
import { db, type ModuleRow } from './db';

export const modulesRepo = {
  async get(id: string): Promise<ModuleRow | null> {
    return (await db.modules.get(id)) ?? null;
  },

  async storeBundle(module: CatalogModule, bundle: ModuleBundle, now = new Date()): Promise<void> {
    await db.transaction('rw', db.modules, db.lessons, async () => {
      const keep = new Set(bundle.lessons.map((l) => l.id));
      const stale = await db.lessons.where('moduleId').equals(module.id).primaryKeys();
      await db.lessons.bulkDelete(stale.filter((id) => !keep.has(id)));
      await db.lessons.bulkPut(bundle.lessons);
      await db.modules.put({ ...module, downloadedHash: bundle.hash, downloadedAt: now.toISOString() });
    });
  },
};
