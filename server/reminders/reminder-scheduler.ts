// The reminder scheduler: every tick it looks at each learner with a push subscription, decides with the
// pure `shouldRemind` whether one of their study slots is open and there is something to do, and if so
// sends one reminder to each of their devices. The occurrence is recorded before sending, so two server
// processes (or a slow tick overlapping the next) never remind twice for the same slot.
// Most ticks find no learner in a slot, so a tick costs one query until a slot opens: what was sent and
// the learner's events are read only for learners whose slot is open.

import { type ReminderState, reminderMessage, shouldRemind } from '../../src/shared/planning/reminder-rules';
import { parseStudySlots, STUDY_SLOTS_DOC_ID } from '../../src/shared/planning/reminder-slots';
import { type AssignmentDue, reminderTodo } from '../../src/shared/planning/reminder-todo';
import type { LearnerEvent } from '../../src/shared/progress/events';
import { nextDueAt } from '../../src/shared/progress/refresher-schedule';
import type { Logger } from '../logger';
import type { Db } from '../open-database';
import { deliverPush, type PushFetch } from './deliver-push';
import type { VapidKeys } from './vapid-keys';

/**
 * Assignments due soon for a learner, which come first in a reminder: server/teams/assignments-due-soon.ts
 * in main.ts; a scheduler given none (tests of the other rules) knows of no assignments.
 */
export type AssignmentsDueSoon = (learnerId: string, now: Date) => Promise<AssignmentDue[]>;
export const noAssignments: AssignmentsDueSoon = async () => [];

export type SchedulerDeps = {
  db: Db;
  logger: Logger;
  vapidKeys: () => Promise<VapidKeys>;
  vapidSubject: string;
  assignmentsDueSoon?: AssignmentsDueSoon;
  fetch?: PushFetch;
};

export type TickSummary = {
  learners: number;
  reminded: number;
  sent: number;
  removed: number;
  failed: number;
};

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** How often old reminders_sent rows are deleted: they only need to go eventually. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * What one scheduler remembers between ticks: when it last purged, and the learners it judged to have
 * nothing to do, with the event_seq they had then and when their next refresher falls due. While both
 * hold, the learner's events are not read again.
 */
export type SchedulerMemo = {
  purgedAt: number;
  nothingToDo: Map<string, { eventSeq: number; until: number }>;
};

export function newSchedulerMemo(): SchedulerMemo {
  return { purgedAt: Number.NEGATIVE_INFINITY, nothingToDo: new Map() };
}

/** The learner's events as stored: every body was validated when it was pushed. */
async function learnerEvents(db: Db, learnerId: string): Promise<LearnerEvent[]> {
  const rows = await db.kysely
    .selectFrom('events')
    .select('body')
    .where('learner_id', '=', learnerId)
    .execute();
  return rows.map((row) => JSON.parse(row.body) as LearnerEvent);
}

const NO_STATE: ReminderState = {
  sentAt: [],
  sentOccurrences: new Set(),
  todo: { kind: 'lesson', lessonId: '' },
};

/** One tick. A scheduler passes the same `memo` to every tick; a fresh one remembers nothing. */
export async function runReminderTick(
  deps: SchedulerDeps,
  now: Date,
  memo: SchedulerMemo = newSchedulerMemo(),
): Promise<TickSummary> {
  const { db, logger } = deps;
  const summary: TickSummary = { learners: 0, reminded: 0, sent: 0, removed: 0, failed: 0 };
  const nowMs = now.getTime();
  if (nowMs - memo.purgedAt >= PURGE_EVERY_MS) {
    await db.kysely
      .deleteFrom('reminders_sent')
      .where('sent_at', '<', nowMs - 2 * WEEK_MS)
      .execute();
    memo.purgedAt = nowMs;
  }
  const learners = await db.kysely
    .selectFrom('push_subscriptions')
    .innerJoin('docs', (join) =>
      join
        .onRef('docs.learner_id', '=', 'push_subscriptions.learner_id')
        .on('docs.doc_id', '=', STUDY_SLOTS_DOC_ID),
    )
    .innerJoin('learners', 'learners.id', 'push_subscriptions.learner_id')
    .select([
      'push_subscriptions.learner_id as learnerId',
      'docs.body as body',
      'learners.event_seq as eventSeq',
    ])
    .distinct()
    .execute();
  for (const { learnerId, body, eventSeq } of learners) {
    summary.learners += 1;
    const { slots, timeZone } = parseStudySlots(JSON.parse(body) as Record<string, unknown>, 'UTC');
    // Outside a slot, or in quiet hours, the answer is no whatever was sent before: nothing to read.
    if (!shouldRemind(now, slots, timeZone, NO_STATE).send) continue;
    const sent = await db.kysely
      .selectFrom('reminders_sent')
      .select(['occurrence', 'sent_at'])
      .where('learner_id', '=', learnerId)
      .where('sent_at', '>', nowMs - WEEK_MS)
      .execute();
    const state = {
      sentAt: sent.map((r) => r.sent_at),
      sentOccurrences: new Set(sent.map((r) => r.occurrence)),
    };
    // Already sent or over the weekly cap: events are read only when a reminder is allowed.
    const open = shouldRemind(now, slots, timeZone, { ...state, todo: NO_STATE.todo });
    if (!open.send) continue;
    const assignments = await (deps.assignmentsDueSoon ?? noAssignments)(learnerId, now);
    const judged = memo.nothingToDo.get(learnerId);
    if (assignments.length === 0 && judged && judged.eventSeq === eventSeq && nowMs < judged.until) continue;
    const events = await learnerEvents(db, learnerId);
    const todo = reminderTodo(events, now, assignments);
    const decision = shouldRemind(now, slots, timeZone, { ...state, todo });
    if (!decision.send) {
      if (!todo) {
        // Nothing to do stays true until the learner's events change or the next refresher falls due.
        const next = nextDueAt(events, now);
        memo.nothingToDo.set(learnerId, {
          eventSeq,
          until: next ? Date.parse(next) : Number.POSITIVE_INFINITY,
        });
      }
      continue;
    }
    memo.nothingToDo.delete(learnerId);
    const claimed = await db.kysely
      .insertInto('reminders_sent')
      .values({ learner_id: learnerId, occurrence: decision.occurrence, sent_at: now.getTime() })
      .onConflict((oc) => oc.columns(['learner_id', 'occurrence']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    summary.reminded += 1;
    const subscriptions = await db.kysely
      .selectFrom('push_subscriptions')
      .select(['endpoint', 'p256dh', 'auth'])
      .where('learner_id', '=', learnerId)
      .execute();
    const vapid = await deps.vapidKeys();
    const payload = reminderMessage(decision.todo);
    for (const subscription of subscriptions) {
      const { result, status } = await deliverPush(subscription, payload, {
        vapid,
        subject: deps.vapidSubject,
        fetch: deps.fetch,
      });
      if (result === 'sent') summary.sent += 1;
      if (result === 'failed') {
        summary.failed += 1;
        logger.warn('reminder not delivered', { status, host: new URL(subscription.endpoint).host });
      }
      if (result === 'gone') {
        summary.removed += 1;
        await db.kysely
          .deleteFrom('push_subscriptions')
          .where('endpoint', '=', subscription.endpoint)
          .execute();
      }
    }
  }
  return summary;
}

/** Runs a tick every `intervalMs`, one at a time; returns a function that stops it. */
export function startReminderScheduler(
  deps: SchedulerDeps,
  intervalMs: number,
  clock: () => number = Date.now,
): () => void {
  let running = false;
  const memo = newSchedulerMemo();
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runReminderTick(deps, new Date(clock()), memo)
      .then((summary) => {
        if (summary.reminded > 0) deps.logger.info('reminders sent', summary);
      })
      .catch((error: unknown) => {
        deps.logger.error('reminder tick failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      })
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
