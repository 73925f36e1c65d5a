// A learner's progress per module, as stored in `module_progress`: the device's own fold (foldProgress)
// and refresher schedule (refresherStates) over the learner's events, grouped by the catalogue's modules.
// Each row carries the fold's state for its module (module-fold-state.ts), so later events can be folded
// on from it with the same steps (foldEvent, foldAnswer) rather than from the whole history.
// Pure, so a test can hold it against the device's view of the same events.
import type { LearnerEvent } from '../../src/shared/progress/events';
import { liveEvents } from '../../src/shared/progress/live-events';
import { foldEvent, foldProgressState } from '../../src/shared/progress/progress';
import { foldAnswer, type RefresherState } from '../../src/shared/progress/refresher-schedule';
import type { CourseIndex, CourseModule } from './course-index';
import { comesAfter, emptyFoldState, type ModuleFoldState } from './module-fold-state';

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
  state: ModuleFoldState;
};

/** The calendar date of an event time as the device stamped it (`at` keeps the device's offset). */
export const dateOf = (at: string): string => at.slice(0, 10);

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

// The schedule reads only answers (and voids, which liveEvents has applied); a session attended is not one
// of the learner's own answers here.
export const isAnswer = (e: LearnerEvent) => e.type === 'check-answered' || e.type === 'refresher-answered';

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
  const progress = foldProgressState(events);
  const live = liveEvents(events);
  const cards = new Map<string, RefresherState>();
  for (const event of live) if (isAnswer(event)) foldAnswer(cards, event);
  const rows = new Map<string, ModuleProgressRow | null>();
  for (const moduleId of moduleIds) {
    const module = course.modules.get(moduleId);
    if (!module) continue;
    const lessonIds = new Set(module.lessons.map((l) => l.id));
    const state = emptyFoldState(course.version);
    for (const lessonId of lessonIds) {
      const lesson = progress.lessons.get(lessonId);
      if (lesson) state.progress.lessons.set(lessonId, lesson);
      const intervals = progress.intervals.get(lessonId);
      if (intervals) state.progress.intervals.set(lessonId, intervals);
    }
    for (const [key, card] of cards) if (lessonIds.has(card.lessonId)) state.cards.set(key, card);
    for (const event of live) {
      if (lessonIds.has(event.lessonId) && comesAfter(state, event))
        state.last = { hlc: event.hlc, id: event.id };
    }
    rows.set(moduleId, rowOf(module, state));
  }
  return rows;
}

/**
 * The module's row with `events` folded on from `kept` (null: the module had no row, so nothing of it was
 * folded yet). Undefined when they cannot be folded on: `kept` is from another course build, or one of
 * them sorts before what `kept` holds (it arrived out of order). `events` are new to the server and hold
 * no void, and no stored void names one of them; events of other modules' lessons are passed over.
 */
export function foldModuleOn(
  kept: ModuleFoldState | null,
  events: readonly LearnerEvent[],
  course: CourseIndex,
  moduleId: string,
): ModuleProgressRow | null | undefined {
  const module = course.modules.get(moduleId);
  if (!module) return null;
  const state = kept ?? emptyFoldState(course.version);
  if (state.courseVersion !== course.version) return undefined;
  // Deduplicated first: one push may carry an id twice, and only the first copy is stored.
  const ours = liveEvents(events).filter((e) => course.lessonModule.get(e.lessonId) === moduleId);
  if (!ours.every((e) => comesAfter(state, e))) return undefined;
  for (const event of ours) {
    foldEvent(state.progress, event);
    if (isAnswer(event)) foldAnswer(state.cards, event);
    state.last = { hlc: event.hlc, id: event.id };
  }
  return rowOf(module, state);
}

function rowOf(module: CourseModule, state: ModuleFoldState): ModuleProgressRow | null {
  let touched = false;
  let msSpent = 0;
  let lastCompleted: string | null = null;
  const lessons: ModuleProgressRow['lessons'] = [];
  for (const { id: lessonId } of module.lessons) {
    const lesson = state.progress.lessons.get(lessonId);
    if (!lesson) continue;
    touched = true;
    msSpent += lesson.msSpent;
    if (lesson.completed && lesson.completedAt) {
      lessons.push({ lessonId, completedOn: dateOf(lesson.completedAt) });
      lastCompleted = lastCompleted ? later(lastCompleted, lesson.completedAt) : lesson.completedAt;
    }
  }
  const refreshers = [...state.cards.values()].map((card) => card.dueAt).sort();
  if (!touched && refreshers.length === 0) return null;
  const total = module.lessons.length;
  return {
    moduleId: module.id,
    lessonsCompleted: lessons.length,
    lessonsTotal: total,
    completedAt: lessons.length === total && total > 0 ? lastCompleted : null,
    msSpent,
    lessons,
    refreshers,
    state,
  };
}
