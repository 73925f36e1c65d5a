// The learner's progress as a pure fold over their events (DESIGN.md §4–5). Every screen derives what it
// shows from this one function, so progress merged from several devices can never drift from the events.
import type { LearnerEvent } from './events';
import { byHlcThenId } from './live-events';

export type CheckAttempt = { optionIds: string[]; correct: boolean; at: string; hlc: string };

export type CheckProgress = {
  attempts: CheckAttempt[];
  latest: CheckAttempt;
  /** The first correct attempt, or the latest one while none is correct. */
  best: CheckAttempt;
};

export type LessonProgress = {
  lessonId: string;
  /** When the lesson was first opened (ISO time); undefined when never opened. */
  firstOpenedAt?: string;
  /** HLC of the latest opening: orders lessons by "most recently opened" across devices. */
  lastOpenedHlc?: string;
  lastOpenedAt?: string;
  completed: boolean;
  /** The earliest completion that has not been voided. */
  completedAt?: string;
  /** Index of the furthest section reached, -1 when none. */
  furthestSection: number;
  checks: Record<string, CheckProgress>;
  /** Time spent, summed over distinct interval ids. */
  msSpent: number;
};

export type Progress = ReadonlyMap<string, LessonProgress>;

export function emptyLesson(lessonId: string): LessonProgress {
  return { lessonId, completed: false, furthestSection: -1, checks: {}, msSpent: 0 };
}

/** What the fold keeps: each lesson's progress, and the longest report of each time interval per lesson. */
export type ProgressState = {
  lessons: Map<string, LessonProgress>;
  intervals: Map<string, Map<string, number>>;
};

export const emptyProgressState = (): ProgressState => ({ lessons: new Map(), intervals: new Map() });

/**
 * Folds events into per-lesson progress. Duplicates (same event id, e.g. pulled back from the server)
 * count once, and the result does not depend on the order the events arrive in. A `voided` event removes
 * the event it names; completion is monotonic, so only voiding a completion can undo it. Voided events
 * themselves cannot be voided.
 */
export function foldProgress(events: readonly LearnerEvent[]): Progress {
  return foldProgressState(events).lessons;
}

/** foldProgress, keeping what a later fold needs to go on from it (foldEvent). */
export function foldProgressState(events: readonly LearnerEvent[]): ProgressState {
  const sorted = [...events].sort(byHlcThenId);
  const unique: LearnerEvent[] = [];
  const seen = new Set<string>();
  for (const event of sorted) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    unique.push(event);
  }

  const voided = new Set<string>();
  for (const event of unique) if (event.type === 'voided') voided.add(event.payload.eventId);

  const state = emptyProgressState();
  for (const event of unique) if (!voided.has(event.id)) foldEvent(state, event);
  return state;
}

/**
 * Folds one event into `state`. The caller keeps the order: hlc then id, after every event already folded,
 * and leaves out events that are voided.
 */
export function foldEvent(state: ProgressState, event: LearnerEvent): void {
  // A confidence rating is about a module, and a session attended about a group's meeting: neither is
  // progress in the lesson it names.
  if (event.type === 'voided' || event.type === 'confidence-rated' || event.type === 'session-attended')
    return;
  let entry = state.lessons.get(event.lessonId);
  if (!entry) {
    entry = emptyLesson(event.lessonId);
    state.lessons.set(event.lessonId, entry);
  }
  switch (event.type) {
    case 'lesson-opened':
      entry.firstOpenedAt ??= event.at;
      entry.lastOpenedHlc = event.hlc;
      entry.lastOpenedAt = event.at;
      break;
    case 'section-reached':
      entry.furthestSection = Math.max(entry.furthestSection, event.payload.index);
      break;
    case 'check-answered': {
      const attempt: CheckAttempt = {
        optionIds: [...event.payload.optionIds],
        correct: event.payload.correct,
        at: event.at,
        hlc: event.hlc,
      };
      const previous = entry.checks[event.payload.checkId];
      const attempts = previous ? [...previous.attempts, attempt] : [attempt];
      const best = previous?.best.correct ? previous.best : attempt;
      entry.checks[event.payload.checkId] = { attempts, latest: attempt, best };
      break;
    }
    case 'lesson-completed':
      if (!entry.completed) {
        entry.completed = true;
        entry.completedAt = event.at;
      }
      break;
    case 'time-spent': {
      let byInterval = state.intervals.get(event.lessonId);
      if (!byInterval) {
        byInterval = new Map();
        state.intervals.set(event.lessonId, byInterval);
      }
      // A re-sent interval is the same interval: keep the longest report of it, never add it twice.
      const known = byInterval.get(event.payload.intervalId) ?? 0;
      if (event.payload.ms > known) {
        byInterval.set(event.payload.intervalId, event.payload.ms);
        entry.msSpent += event.payload.ms - known;
      }
      break;
    }
    case 'refresher-answered':
      break;
  }
}
