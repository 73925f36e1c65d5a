/**
 * The first (or only) person's IndexedDB database (src/db/db.ts), which the service worker also reads
 * (src/sw/). Each further person on a shared device has a database of their own (docs/accounts.md). It is
 * also the localStorage key of the active person's database name (ACTIVE_DATABASE_STORAGE_KEY in
 * profiles-database.ts, the same string): the first screen's code carries one string for both.
 */
export const DATABASE_NAME = 'pocket-cpd';
