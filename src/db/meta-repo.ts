// Device metadata in the `meta` table: the device id, event sequence and clock (see events-repo), and the
// cached course catalogue under `catalog`. A failed write (e.g. quota exceeded) rejects; callers report it.
import type { Catalog } from '../shared/content-types';
import { db } from './db';

export const metaRepo = {
  async get<T>(key: string): Promise<T | undefined> {
    const row = await db.meta.get(key);
    return row?.value as T | undefined;
  },

  async set(key: string, value: unknown): Promise<void> {
    await db.meta.put({ key, value });
  },

  /** The catalogue last fetched, or null before the first successful fetch on this device. */
  async getCatalog(): Promise<Catalog | null> {
    return (await metaRepo.get<Catalog>('catalog')) ?? null;
  },

  /** Stores a fetched catalogue; a catalogue with the same version is not rewritten. */
  async putCatalog(catalog: Catalog): Promise<void> {
    await db.transaction('rw', db.meta, async () => {
      const current = await metaRepo.get<Catalog>('catalog');
      if (current?.version !== catalog.version) await metaRepo.set('catalog', catalog);
    });
  },
};
