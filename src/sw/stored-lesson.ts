// Reads a downloaded lesson straight from the app's IndexedDB (the tables Dexie keeps in src/db/db.ts), so
// the service worker can answer a lesson's address offline with the lesson already in the page. Plain
// IndexedDB rather than Dexie keeps the service worker small, and it only ever reads.
import type { Lesson } from '../shared/content-types';
import { DATABASE_NAME } from '../shared/database-name';
import type { PrerenderedLesson } from '../shared/lesson-page-html';

/** The database as it is, or null when the app has never created it (this must not create it). */
function openExisting(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const request = indexedDB.open(DATABASE_NAME);
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

function read<T>(request: IDBRequest): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T | undefined);
    request.onerror = () => reject(request.error);
  });
}

/** The lesson and its module's title when this device has downloaded them; null otherwise. */
export async function storedLesson(moduleId: string, lessonId: string): Promise<PrerenderedLesson | null> {
  const db = await openExisting();
  if (!db) return null;
  try {
    if (!db.objectStoreNames.contains('lessons') || !db.objectStoreNames.contains('modules')) return null;
    const tx = db.transaction(['lessons', 'modules'], 'readonly');
    const [lesson, module] = await Promise.all([
      read<Lesson>(tx.objectStore('lessons').get(lessonId)),
      read<{ title: string }>(tx.objectStore('modules').get(moduleId)),
    ]);
    if (!lesson || lesson.moduleId !== moduleId || !module) return null;
    return { moduleId, moduleTitle: module.title, lesson };
  } finally {
    db.close();
  }
}
