import type { LessonProgress } from '../../shared/progress/progress';

/**
 * A lesson shows "Updated" when its content changed on this device after the learner had opened it, and
 * they have not opened it since. A lesson they never opened is simply new to them.
 */
export function lessonUpdated(changedAt: string | undefined, progress: LessonProgress | undefined): boolean {
  if (!changedAt || !progress?.lastOpenedAt) return false;
  return progress.lastOpenedAt < changedAt;
}
