// A learner's progress per module, as stored in `module_progress`: the device's own fold (foldProgress)
// and refresher schedule (refresherStates) over the learner's events, grouped by the catalogue's modules.
// Pure, so a test can hold it against the device's view of the same events.
import type { LearnerEvent } from '../../src/shared/progress/events';
import { foldProgress } from '../../src/shared/progress/progress';
import { refresherStates } from '../../src/shared/progress/refresher-schedule';
import type { CourseIndex } from './course-index';

export type ModuleProgressRow = {
  moduleId: string;
  lessonsCompleted: number;
  lessonsTotal: number;
  /** ISO time of the last lesson's completion, once every lesson of the module is completed. */
  completedAt: string | null;
  msSpent: number;
  /** Each completed lesson and its date (the date part of its `at`: the learner's own day). */
  lessons: { lessonId: string; completedOn: string }[];
  /** When each check of the module's lessons is next due as a refresher, ISO times, earliest first. */
  refreshers: string[];
};

/** The calendar date of an event time as the device stamped it (`at` keeps the device's offset). */
export const dateOf = (at: string): string => at.slice(0, 10);

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

/**
 * One row per module in `moduleIds` (null for a module with nothing in the fold: its row goes). `events`
 * must hold every event of those modules' lessons and every `voided` event of the learner; others are
 * harmless (they fold into lessons outside these modules and are ignored).
 */
export function foldModuleProgress(
  events: readonly LearnerEvent[],
  course: CourseIndex,
  moduleIds: Iterable<string>,
): Map<string, ModuleProgressRow | null> {
  const progress = foldProgress(events);
  const dueByLesson = new Map<string, string[]>();
  // The schedule reads only answers and voids; the rest would only be sorted and skipped.
  const answers = events.filter(
    (e) => e.type === 'check-answered' || e.type === 'refresher-answered' || e.type === 'voided',
  );
  for (const state of refresherStates(answers).values()) {
    const list = dueByLesson.get(state.lessonId) ?? [];
    list.push(state.dueAt);
    dueByLesson.set(state.lessonId, list);
  }
  const rows = new Map<string, ModuleProgressRow | null>();
  for (const moduleId of moduleIds) {
    const module = course.modules.get(moduleId);
    if (!module) continue;
    let touched = false;
    let msSpent = 0;
    let lastCompleted: string | null = null;
    const lessons: ModuleProgressRow['lessons'] = [];
    const refreshers: string[] = [];
    for (const { id: lessonId } of module.lessons) {
      const lesson = progress.get(lessonId);
      const due = dueByLesson.get(lessonId);
      if (due) refreshers.push(...due);
      if (!lesson) continue;
      touched = true;
      msSpent += lesson.msSpent;
      if (lesson.completed && lesson.completedAt) {
        lessons.push({ lessonId, completedOn: dateOf(lesson.completedAt) });
        lastCompleted = lastCompleted ? later(lastCompleted, lesson.completedAt) : lesson.completedAt;
      }
    }
    if (!touched && refreshers.length === 0) {
      rows.set(moduleId, null);
      continue;
    }
    refreshers.sort();
    const total = module.lessons.length;
    rows.set(moduleId, {
      moduleId,
      lessonsCompleted: lessons.length,
      lessonsTotal: total,
      completedAt: lessons.length === total && total > 0 ? lastCompleted : null,
      msSpent,
      lessons,
      refreshers,
    });
  }
  return rows;
}
