// Compiled lessons of downloaded modules (written by modules-repo with their module). Read-only here.
import { db, type LessonRow } from './db';

export const lessonsRepo = {
  async get(id: string): Promise<LessonRow | null> {
    return (await db.lessons.get(id)) ?? null;
  },
};
