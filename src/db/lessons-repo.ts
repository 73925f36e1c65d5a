// Compiled lessons of downloaded modules (written by modules-repo with their module). Read-only here.
import { db, type LessonRow } from './db';

export const lessonsRepo = {
  async get(id: string): Promise<LessonRow | null> {
    return (await db.lessons.get(id)) ?? null;
  },

  /** The ids of every lesson stored on this device, so readable offline. */
  async storedIds(): Promise<Set<string>> {
    return new Set(await db.lessons.toCollection().primaryKeys());
  },

  /** When each lesson of a module last changed under a background refresh, for the "Updated" mark. */
  async changedIn(moduleId: string): Promise<Map<string, string>> {
    const rows = await db.lessons.where('moduleId').equals(moduleId).toArray();
    return new Map(rows.flatMap((row) => (row.changedAt ? [[row.id, row.changedAt] as const] : [])));
  },
};
