/**
 * The first (or only) person's IndexedDB database (src/db/db.ts), which the service worker also reads
 * (src/sw/). Each further person on a shared device has a database of their own (docs/accounts.md).
 */
export const DATABASE_NAME = 'pocket-cpd';

/** The device's list of people and which one is studying now: read by the app and the service worker. */
export const PROFILES_DATABASE_NAME = 'pocket-cpd-profiles';

/** The `meta` row of the profiles database naming the active person's database. */
export const ACTIVE_PROFILE_KEY = 'active';

/**
 * The page's copy of the active person's database name in localStorage: the app opens its database
 * synchronously at start, before any IndexedDB read could say which one.
 */
export const ACTIVE_DATABASE_STORAGE_KEY = 'pocket-cpd';
