/** The app's IndexedDB database (src/db/db.ts), which the service worker also reads (src/sw/). */
export const DATABASE_NAME = 'pocket-cpd';
