import type { Catalog } from '../content/content-types';
import { type CourseLesson, courseLessons } from '../content/course-lessons';
import type { Role } from '../device/settings';
import type { LessonProgress, Progress } from '../progress/progress';

export type TodayPlan = {
  /** The most recently opened lesson that is not completed. */
  continueWith?: CourseLesson & { progress: LessonProgress };
  upNext: CourseLesson[];
  /** The lesson completed most recently, to show the learner what they last achieved. */
  lastCompleted?: CourseLesson & { progress: LessonProgress };
  done: number;
  total: number;
};

/** `assigned`: modules of team assignments due soon, soonest first; their lessons come first. */
export function planToday(
  catalog: Catalog,
  progress: Progress,
  role?: Role,
  upNextCount = 3,
  assigned: readonly string[] = [],
): TodayPlan {
  const lessons = courseLessons(catalog, role, assigned);
  let continueWith: TodayPlan['continueWith'];
  for (const entry of lessons) {
    const p = progress.get(entry.lesson.id);
    if (!p?.lastOpenedHlc || p.completed) continue;
    if (!continueWith?.progress.lastOpenedHlc || p.lastOpenedHlc > continueWith.progress.lastOpenedHlc) {
      continueWith = { ...entry, progress: p };
    }
  }
  let lastCompleted: TodayPlan['lastCompleted'];
  for (const entry of lessons) {
    const p = progress.get(entry.lesson.id);
    if (!p?.completedAt) continue;
    if (!lastCompleted?.progress.completedAt || p.completedAt > lastCompleted.progress.completedAt) {
      lastCompleted = { ...entry, progress: p };
    }
  }
  const upNext = lessons
    .filter((entry) => !progress.get(entry.lesson.id)?.completed)
    .filter((entry) => entry.lesson.id !== continueWith?.lesson.id)
    .slice(0, upNextCount);
  const done = lessons.filter((entry) => progress.get(entry.lesson.id)?.completed).length;
  return { continueWith, upNext, lastCompleted, done, total: lessons.length };
}
