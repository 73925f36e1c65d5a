// What a module's progress row was folded from, kept beside it (`module_progress.fold_state`, JSON) so that
// a push of later events folds on from it rather than reading the module's history again. It holds the
// device fold's own state for the module's lessons (foldProgressState, foldAnswer), but only what the row
// is made from: of each lesson its completion and time (not its openings, furthest section or check
// attempts, which folding on sets again from new events and nothing reads), each time interval's longest
// report, each check's FSRS card. Every push of a team member reads and writes it, so it is kept small.
import type { Card } from 'ts-fsrs';
import type { LearnerEvent } from '../../src/shared/progress/events';
import { byHlcThenId } from '../../src/shared/progress/live-events';
import {
  emptyLesson,
  emptyProgressState,
  type LessonProgress,
  type ProgressState,
} from '../../src/shared/progress/progress';
import type { RefresherState } from '../../src/shared/progress/refresher-schedule';

export type ModuleFoldState = {
  /** The course build whose lessons made up the module when this was folded. */
  courseVersion: string;
  /** The hlc and id of the latest event folded in: only events after it can be folded on. */
  last: { hlc: string; id: string } | null;
  progress: ProgressState;
  /** Refresher cards of the module's checks, keyed as foldAnswer keys them. */
  cards: Map<string, RefresherState>;
};

type StoredCard = Omit<Card, 'due' | 'last_review'> & { due: string; last_review?: string };
/** The JSON form; `toStoredState` makes it, `readFoldState` reads it back. */
type StoredState = {
  courseVersion: string;
  last: { hlc: string; id: string } | null;
  lessons: { lessonId: string; completedAt?: string; msSpent: number }[];
  intervals: [string, [string, number][]][];
  cards: { lessonId: string; checkId: string; card: StoredCard }[];
};

export const emptyFoldState = (courseVersion: string): ModuleFoldState => ({
  courseVersion,
  last: null,
  progress: emptyProgressState(),
  cards: new Map(),
});

/** Whether `event` sorts after everything in `state`, in the fold's order (hlc, then id). */
export function comesAfter(state: ModuleFoldState, event: LearnerEvent): boolean {
  return !state.last || byHlcThenId(state.last, event) < 0;
}

export function toStoredState(state: ModuleFoldState): StoredState {
  return {
    courseVersion: state.courseVersion,
    last: state.last,
    lessons: [...state.progress.lessons.values()].map(({ lessonId, completedAt, msSpent }) =>
      completedAt ? { lessonId, completedAt, msSpent } : { lessonId, msSpent },
    ),
    intervals: [...state.progress.intervals].map(([lessonId, byId]) => [lessonId, [...byId]]),
    cards: [...state.cards.values()].map(({ lessonId, checkId, card: { due, last_review, ...card } }) => ({
      lessonId,
      checkId,
      card: {
        ...card,
        due: due.toISOString(),
        ...(last_review ? { last_review: last_review.toISOString() } : {}),
      },
    })),
  };
}

/** The state from its JSON form, as text or as the database hands it over already parsed. */
export function readFoldState(json: unknown): ModuleFoldState {
  const stored = (typeof json === 'string' ? JSON.parse(json) : json) as StoredState;
  const cards = new Map<string, RefresherState>();
  for (const { lessonId, checkId, card: storedCard } of stored.cards) {
    const { due, last_review, ...rest } = storedCard;
    const card: Card = {
      ...rest,
      due: new Date(due),
      ...(last_review ? { last_review: new Date(last_review) } : {}),
    };
    // foldAnswer sets both from the card it makes: the due time and the review time.
    const dueAt = due;
    const lastAnsweredAt = last_review ?? due;
    cards.set(`${lessonId}\u0000${checkId}`, { lessonId, checkId, card, dueAt, lastAnsweredAt });
  }
  const lessons = new Map<string, LessonProgress>();
  for (const { lessonId, completedAt, msSpent } of stored.lessons) {
    const lesson: LessonProgress = { ...emptyLesson(lessonId), msSpent };
    if (completedAt) Object.assign(lesson, { completed: true, completedAt });
    lessons.set(lessonId, lesson);
  }
  return {
    courseVersion: stored.courseVersion,
    last: stored.last,
    progress: {
      lessons,
      intervals: new Map(stored.intervals.map(([lessonId, byId]) => [lessonId, new Map(byId)])),
    },
    cards,
  };
}
