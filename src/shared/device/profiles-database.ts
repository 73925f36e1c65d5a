// Kept apart from database-name.ts, which the first screen's code imports: only the people screens and
// the service worker need these.

/** The device's list of people and which one is studying now: read by the app and the service worker. */
export const PROFILES_DATABASE_NAME = 'pocket-cpd-profiles';

/** The `meta` row of the profiles database naming the active person's database. */
export const ACTIVE_PROFILE_KEY = 'active';

/**
 * The page's copy of the active person's database name in localStorage: the app opens its database
 * synchronously at start (src/db/db.ts), before any IndexedDB read could say which one. It is the same
 * string as DATABASE_NAME, which db.ts reads it by (a test holds them equal): importing that constant here
 * would make the first screen's code export it to this chunk.
 */
export const ACTIVE_DATABASE_STORAGE_KEY = 'pocket-cpd';

/** What each added person's database name starts with; the first person keeps DATABASE_NAME itself. */
export const PERSON_DATABASE_PREFIX = 'pocket-cpd-person-';
