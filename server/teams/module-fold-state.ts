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

/** A card as JSON has it: its dates as ISO strings (what `Date.toJSON` prints). */
type StoredCard = Omit<Card, 'due' | 'last_review'> & { due: string; last_review?: string };
/**
 * The JSON form: `toStoredState` makes it with the cards as they are (printing turns their dates into ISO
 * strings), `readFoldState` reads it back with StoredCards.
 */
type StoredState<C = StoredCard> = {
  courseVersion: string;
  lessons: { lessonId: string; completedAt?: string; msSpent: number }[];
  intervals: [string, [string, number][]][];
  cards: { lessonId: string; checkId: string; card: C }[];
  /** Printed last, so the text before it is what the fold made of the events (foldedTheSame). */
  last: { hlc: string; id: string } | null;
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

// Fields are copied one by one, not by object rest and spread, which take V8's slow path: every push of a
// team member runs this for each card (bench:sync).
function toStoredState(state: ModuleFoldState): StoredState<Card> {
  const lessons: StoredState['lessons'] = [];
  for (const { lessonId, completedAt, msSpent } of state.progress.lessons.values()) {
    lessons.push(completedAt ? { lessonId, completedAt, msSpent } : { lessonId, msSpent });
  }
  const intervals: StoredState['intervals'] = [];
  for (const [lessonId, byId] of state.progress.intervals) intervals.push([lessonId, [...byId]]);
  const cards: StoredState<Card>['cards'] = [];
  for (const { lessonId, checkId, card } of state.cards.values()) cards.push({ lessonId, checkId, card });
  return { courseVersion: state.courseVersion, lessons, intervals, cards, last: state.last };
}

/** The state as stored in `module_progress.fold_state`. */
export const printFoldState = (state: ModuleFoldState): string => JSON.stringify(toStoredState(state));

const LAST = ',"last":';

/**
 * Whether two printed states differ at most in `last`: then the events folded between them changed nothing
 * the row is made of. (`,"last":` cannot occur inside a printed string, where a quote is escaped.)
 */
export function foldedTheSame(printed: string, kept: string): boolean {
  const end = printed.lastIndexOf(LAST);
  return end > 0 && end === kept.lastIndexOf(LAST) && printed.startsWith(kept.slice(0, end));
}

// In the order ts-fsrs makes a card's fields, so a state read back prints as the fold printed it (a fold that
// changed nothing is then seen as such: foldedTheSame).
function revivedCard(stored: StoredCard): Card {
  const card: Card = {
    due: new Date(stored.due),
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: stored.elapsed_days,
    scheduled_days: stored.scheduled_days,
    reps: stored.reps,
    lapses: stored.lapses,
    learning_steps: stored.learning_steps,
    state: stored.state,
  };
  if (stored.last_review) card.last_review = new Date(stored.last_review);
  return card;
}

/** The state from its text as stored (printFoldState). */
export function readFoldState(printed: string): ModuleFoldState {
  const stored = JSON.parse(printed) as StoredState;
  const cards = new Map<string, RefresherState>();
  for (const { lessonId, checkId, card } of stored.cards) {
    // foldAnswer sets both from the card it makes: the due time and the review time.
    cards.set(`${lessonId}\u0000${checkId}`, {
      lessonId,
      checkId,
      card: revivedCard(card),
      dueAt: card.due,
      lastAnsweredAt: card.last_review ?? card.due,
    });
  }
  const lessons = new Map<string, LessonProgress>();
  for (const { lessonId, completedAt, msSpent } of stored.lessons) {
    const lesson: LessonProgress = emptyLesson(lessonId);
    lesson.msSpent = msSpent;
    if (completedAt) {
      lesson.completed = true;
      lesson.completedAt = completedAt;
    }
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
