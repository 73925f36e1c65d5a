// What a module's progress row was folded from, kept beside it (`module_progress.fold_state`, JSON) so that
// a push of later events folds on from it rather than reading the module's history again. It holds the
// device fold's own state for the module's lessons (foldProgressState, foldAnswer), never anything the
// row does not need: a lesson's check attempts are left out (the row counts no answers).
import type { Card } from 'ts-fsrs';
import type { LearnerEvent } from '../../src/shared/progress/events';
import type { LessonProgress, ProgressState } from '../../src/shared/progress/progress';
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
type StoredState = {
  courseVersion: string;
  last: { hlc: string; id: string } | null;
  lessons: LessonProgress[];
  intervals: [string, [string, number][]][];
  cards: (Omit<RefresherState, 'card'> & { card: StoredCard })[];
};

export const emptyFoldState = (courseVersion: string): ModuleFoldState => ({
  courseVersion,
  last: null,
  progress: { lessons: new Map(), intervals: new Map() },
  cards: new Map(),
});

/** Whether `event` sorts after everything in `state`, in the fold's order (hlc, then id). */
export function comesAfter(state: ModuleFoldState, event: LearnerEvent): boolean {
  const { last } = state;
  if (!last) return true;
  return event.hlc !== last.hlc ? event.hlc > last.hlc : event.id > last.id;
}

export function storeFoldState(state: ModuleFoldState): string {
  const stored: StoredState = {
    courseVersion: state.courseVersion,
    last: state.last,
    lessons: [...state.progress.lessons.values()].map((lesson) => ({ ...lesson, checks: {} })),
    intervals: [...state.progress.intervals].map(([lessonId, byId]) => [lessonId, [...byId]]),
    cards: [...state.cards.values()].map(({ card: { due, last_review, ...card }, ...rest }) => ({
      ...rest,
      card: {
        ...card,
        due: due.toISOString(),
        ...(last_review ? { last_review: last_review.toISOString() } : {}),
      },
    })),
  };
  return JSON.stringify(stored);
}

/** The state as parsed from the column's JSON (the database may hand it over parsed already). */
export function readFoldState(json: unknown): ModuleFoldState {
  const stored = (typeof json === 'string' ? JSON.parse(json) : json) as StoredState;
  const cards = new Map<string, RefresherState>();
  for (const c of stored.cards) {
    const { due, last_review, ...rest } = c.card;
    const card: Card = {
      ...rest,
      due: new Date(due),
      ...(last_review ? { last_review: new Date(last_review) } : {}),
    };
    cards.set(`${c.lessonId}\u0000${c.checkId}`, { ...c, card });
  }
  return {
    courseVersion: stored.courseVersion,
    last: stored.last,
    progress: {
      lessons: new Map(stored.lessons.map((lesson) => [lesson.lessonId, lesson])),
      intervals: new Map(stored.intervals.map(([lessonId, byId]) => [lessonId, new Map(byId)])),
    },
    cards,
  };
}
