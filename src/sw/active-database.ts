// Which person's database the service worker reads on a shared device: the `meta` row the app writes in
// the profiles database (src/db/profiles-repo.ts). A device with one person has no such database, and
// then it is the first person's. Plain IndexedDB, read only, never creating anything (as stored-lesson.ts).
import { DATABASE_NAME } from '../shared/device/database-name';
import { ACTIVE_PROFILE_KEY, PROFILES_DATABASE_NAME } from '../shared/device/profiles-database';

/** The database as it is, or null when the app has never created it (this must not create it). */
export function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const request = indexedDB.open(name);
    // Opening without a version only upgrades a database that does not exist yet: leave that to the app.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      // Never hold up the app's own schema upgrade.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
}

export function read<T>(request: IDBRequest): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T | undefined);
    request.onerror = () => reject(request.error);
  });
}

export async function activeDatabaseName(): Promise<string> {
  const profiles = await openExisting(PROFILES_DATABASE_NAME);
  if (!profiles) return DATABASE_NAME;
  try {
    if (!profiles.objectStoreNames.contains('meta')) return DATABASE_NAME;
    const row = await read<{ value: string }>(
      profiles.transaction('meta', 'readonly').objectStore('meta').get(ACTIVE_PROFILE_KEY),
    );
    return row?.value ?? DATABASE_NAME;
  } catch {
    return DATABASE_NAME;
  } finally {
    profiles.close();
  }
}
