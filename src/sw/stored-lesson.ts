// Reads a downloaded lesson straight from the active person's IndexedDB (the tables Dexie keeps in src/db/db.ts), so
// the service worker can answer a lesson's address offline with the lesson already in the page. Plain
// IndexedDB rather than Dexie keeps the service worker small, and it only ever reads.
import type { Lesson } from '../shared/content/content-types';
import type { PrerenderedLesson } from '../shared/content/lesson-page-html';
import { activeDatabaseName, openExisting, read } from './active-database';

/** The lesson and its module's title when this device has downloaded them; null otherwise. */
export async function storedLesson(moduleId: string, lessonId: string): Promise<PrerenderedLesson | null> {
  const db = await openExisting(await activeDatabaseName());
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
