// When each knowledge check should come back as a refresher, replayed from the learner's events with
// FSRS (ts-fsrs). Nothing is stored: the schedule is a pure function of the events, so it merges across
// devices exactly as the events do.
import { type Card, createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import type { LearnerEvent } from './events';
import { liveEvents } from './live-events';

// Fixed parameters so the same events always give the same schedule: no fuzz (it draws on a random
// seed). Short-term steps are off: a wrong answer comes back the next day rather than in ten minutes,
// which suits staff fitting refreshers between lessons. A year is the longest gap, so every check keeps
// coming back now and then.
const scheduler = fsrs(
  generatorParameters({
    enable_fuzz: false,
    enable_short_term: false,
    maximum_interval: 365,
    request_retention: 0.9,
  }),
);

export type RefresherState = {
  lessonId: string;
  checkId: string;
  card: Card;
  /** ISO time the check is next due. */
  dueAt: string;
  /** ISO time of the last answer replayed. */
  lastAnsweredAt: string;
};

export type DueRefresher = {
  lessonId: string;
  checkId: string;
  dueAt: string;
  /** How long past due at `now` (0 when due exactly now). */
  overdueMs: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;
export const MONTHLY_PROMPT_DAYS = 30;

/**
 * Each check's FSRS card, replaying answers in hlc order: correct → Good, wrong → Again. A check joins
 * the schedule with its first correct answer in the lesson (wrong answers before it are the learner still
 * learning, not forgetting); after that every answer, in the lesson or as a refresher, is a review.
 * A refresher answered for a check with no card yet (its lesson answers voided) starts the card, as does a
 * facilitated session that ran the check as a group poll (`session-attended`).
 * Review times are the events' `at`, never earlier than the review before it, because two devices'
 * clocks can disagree while the hlc order stays causal.
 */
export function refresherStates(events: readonly LearnerEvent[]): Map<string, RefresherState> {
  const states = new Map<string, RefresherState>();
  for (const event of liveEvents(events)) foldAnswer(states, event);
  return states;
}

/**
 * Replays one event onto the cards in `states` (keyed `${lessonId}\u0000${checkId}`); events that are not
 * answers change nothing. The caller keeps refresherStates's order and leaves out voided events.
 */
export function foldAnswer(states: Map<string, RefresherState>, event: LearnerEvent): void {
  if (event.type === 'session-attended') {
    // The group answered the session's checks together and saw every explanation: each check not yet
    // on the learner's schedule joins it as answered then. One already there keeps its own history, since
    // a show of hands is not the learner's own answer.
    for (const { lessonId, checkId } of event.payload.checks) {
      const key = `${lessonId}\u0000${checkId}`;
      if (states.has(key)) continue;
      const at = new Date(event.at);
      const card = scheduler.next(createEmptyCard(at), at, Rating.Good).card;
      states.set(key, {
        lessonId,
        checkId,
        card,
        dueAt: card.due.toISOString(),
        lastAnsweredAt: at.toISOString(),
      });
    }
    return;
  }
  if (event.type !== 'check-answered' && event.type !== 'refresher-answered') return;
  const { checkId, correct } = event.payload;
  const key = `${event.lessonId}\u0000${checkId}`;
  const state = states.get(key);
  if (!state && event.type === 'check-answered' && !correct) return;
  const previous = state?.card.last_review?.getTime() ?? Number.NEGATIVE_INFINITY;
  const at = new Date(Math.max(Date.parse(event.at), previous));
  const card = scheduler.next(
    state?.card ?? createEmptyCard(at),
    at,
    correct ? Rating.Good : Rating.Again,
  ).card;
  states.set(key, {
    lessonId: event.lessonId,
    checkId,
    card,
    dueAt: card.due.toISOString(),
    lastAnsweredAt: at.toISOString(),
  });
}

/**
 * Checks due at `now`, most overdue first (ties by lesson then check id, so the order is stable).
 * `isAvailable` drops checks the device cannot show (lesson not downloaded, or gone from the course)
 * before the limit is applied.
 */
export function dueRefreshers(
  events: readonly LearnerEvent[],
  now: Date,
  limit = Number.POSITIVE_INFINITY,
  isAvailable: (lessonId: string, checkId: string) => boolean = () => true,
): DueRefresher[] {
  const nowMs = now.getTime();
  const due: DueRefresher[] = [];
  for (const state of refresherStates(events).values()) {
    const overdueMs = nowMs - state.card.due.getTime();
    if (overdueMs < 0 || !isAvailable(state.lessonId, state.checkId)) continue;
    due.push({ lessonId: state.lessonId, checkId: state.checkId, dueAt: state.dueAt, overdueMs });
  }
  due.sort(
    (a, b) => b.overdueMs - a.overdueMs || compare(a.lessonId, b.lessonId) || compare(a.checkId, b.checkId),
  );
  return due.slice(0, limit);
}

/** When the next refresher falls due after `now` (ISO time), or null when none is scheduled later. */
export function nextDueAt(events: readonly LearnerEvent[], now: Date): string | null {
  let next: Date | null = null;
  for (const { card } of refresherStates(events).values()) {
    if (card.due.getTime() > now.getTime() && (!next || card.due < next)) next = card.due;
  }
  return next ? next.toISOString() : null;
}

/**
 * True when the learner has completed at least one lesson and has not answered a refresher in the
 * last 30 days (an answer exactly 30 days ago still counts as within them). It does not look at what
 * is due: the screen decides whether to pair the prompt with `dueRefreshers`.
 */
export function monthlyPromptDue(events: readonly LearnerEvent[], now: Date): boolean {
  const since = now.getTime() - MONTHLY_PROMPT_DAYS * DAY_MS;
  let completed = false;
  for (const event of liveEvents(events)) {
    if (event.type === 'lesson-completed') completed = true;
    if (event.type === 'refresher-answered') {
      // An answer stamped after `now` (another device's clock running ahead) is recent too.
      if (Date.parse(event.at) >= since) return false;
    }
  }
  return completed;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
