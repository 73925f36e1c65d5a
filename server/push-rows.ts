// What a push reads and writes on either database: the learner row's counters (read under the lock and written
// back: the event and doc sequences and the quota counters of learner-quotas.ts), the stored copies of the
// pushed events and the rows of its new events. Each database's statements: push-statements-sqlite.ts and
// push-statements-pg.ts.
import { sql, type Transaction } from 'kysely';
import type { NewEvent } from './classify-push';
import type { Database } from './db-schema';
import type { QuotaCounters } from './learner-quotas';
import type { TeamState } from './teams/keep-progress';

export type Counters = QuotaCounters & { event_seq: number; doc_seq: number };

export const COUNTER_COLUMNS = [
  'event_seq',
  'doc_seq',
  'doc_count',
  'doc_bytes',
  'quota_day',
  'day_events',
] as const;

/** What a push reads with its lock: the counters, the stored copies of the pushed events, the team state. */
export type Locked = { counters: Counters; storedEvents: Map<string, string>; team: TeamState };

export const counterList = sql.join(COUNTER_COLUMNS.map((column) => sql.ref(column)));

/** The new events as `events` rows, numbered on from the learner's last sequence. */
export function eventRows(learnerId: string, events: readonly NewEvent[], lastSeq: number, nowMs: number) {
  return events.map(({ event, body }, i) => ({
    learner_id: learnerId,
    event_id: event.id,
    seq: lastSeq + i + 1,
    device_id: event.deviceId,
    type: event.type,
    lesson_id: event.lessonId,
    at: event.at,
    body,
    received_at: nowMs,
  }));
}

export type EventRow = ReturnType<typeof eventRows>[number];

/** The stored copies of `eventIds`, read by a statement of its own (so, on PostgreSQL, after the lock). */
export async function readStoredEvents(
  trx: Transaction<Database>,
  learnerId: string,
  eventIds: string[],
): Promise<Map<string, string>> {
  const storedEvents = new Map<string, string>();
  if (eventIds.length === 0) return storedEvents;
  const rows = await trx
    .selectFrom('events')
    .select(['event_id', 'body'])
    .where('learner_id', '=', learnerId)
    .where('event_id', 'in', eventIds)
    .execute();
  for (const row of rows) storedEvents.set(row.event_id, row.body);
  return storedEvents;
}
