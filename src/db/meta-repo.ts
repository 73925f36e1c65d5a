// Device metadata in the `meta` table: the device id, event sequence and clock (see events-repo), the
// cached course catalogue, the sync session and cursor (see sync-store), the storage-persistence answer.
// A failed write (e.g. quota exceeded) rejects; callers report it.
import type { Persistence } from '../lib/storage-estimate';
import type { Catalog } from '../shared/content-types';
import { db } from './db';
import type { StoredDevice, StoredSession, StoredSyncResult } from './sync-store';

/** Every key `meta` holds and the type of its value: a misspelt key or a wrong value fails tsc. */
export type MetaValues = {
  catalog: Catalog;
  /** The id this device stamps its events with (the server's, once registered). */
  deviceId: string;
  deviceSeq: number;
  /** The last hybrid logical clock tick this device issued or saw. */
  hlc: string;
  session: StoredSession;
  syncDevice: StoredDevice;
  syncCursor: { learnerId: string; cursor: string };
  syncResult: StoredSyncResult;
  storagePersistence: Persistence;
  /** Module stages (`<moduleId>:<stage>`) whose confidence question was put off with "Not now" here. */
  confidenceSkipped: string[];
};
export type MetaKey = keyof MetaValues;

export const metaRepo = {
  async get<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
    const row = await db.meta.get(key);
    return row?.value as MetaValues[K] | undefined;
  },

  async set<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
    await db.meta.put({ key, value });
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
