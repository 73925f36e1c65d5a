// Device metadata in the `meta` table: the device id, event sequence and clock (see events-repo), the
// cached course catalogue, the sync session and cursor (see sync-store), the storage-persistence answer.
// A failed write (e.g. quota exceeded) rejects; callers report it.
import type { Catalog } from '../shared/content/content-types';
import { db } from './db';
import { type MetaKey, type MetaValues, readMeta, writeMeta } from './meta';

export const metaRepo = {
  async get<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
    return readMeta(db, key);
  },

  async set<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
    await writeMeta(db, key, value);
  },

  /**
   * The display name of the account signed in here (given at sign-up and kept with the session, so it
   * goes on certificates), or null when there is none.
   */
  async accountName(): Promise<string | null> {
    const name = (await metaRepo.get('session'))?.name?.trim();
    return name ? name : null;
  },

  /** Reads, changes and writes one key in a single transaction, so two tabs never lose each other's change. */
  async update<K extends MetaKey>(
    key: K,
    change: (current: MetaValues[K] | undefined) => MetaValues[K],
  ): Promise<MetaValues[K]> {
    return db.transaction('rw', db.meta, async () => {
      const next = change(await readMeta(db, key));
      await writeMeta(db, key, next);
      return next;
    });
  },

  /** Remembers on this device that a module's confidence question was put off. */
  async addConfidenceSkipped(entry: string): Promise<void> {
    await db.transaction('rw', db.meta, async () => {
      const skipped = (await metaRepo.get('confidenceSkipped')) ?? [];
      if (!skipped.includes(entry)) await metaRepo.set('confidenceSkipped', [...skipped, entry]);
    });
  },

  /** The catalogue last fetched, or null before the first successful fetch on this device. */
  async getCatalog(): Promise<Catalog | null> {
    return (await metaRepo.get('catalog')) ?? null;
  },

  /** Stores a fetched catalogue; a catalogue with the same version is not rewritten. */
  async putCatalog(catalog: Catalog): Promise<void> {
    await db.transaction('rw', db.meta, async () => {
      const current = await metaRepo.get('catalog');
      if (current?.version !== catalog.version) await metaRepo.set('catalog', catalog);
    });
  },
};
