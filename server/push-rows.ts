// What a push writes, on either database: the learner row's counters (read under the lock and written back:
// the event and doc sequences and the quota counters of learner-quotas.ts) and the rows of its new events.
import { sql } from 'kysely';
import type { NewEvent } from './classify-push';
import type { QuotaCounters } from './learner-quotas';

export type Counters = QuotaCounters & { event_seq: number; doc_seq: number };

export const COUNTER_COLUMNS = [
  'event_seq',
  'doc_seq',
  'doc_count',
  'doc_bytes',
  'quota_day',
  'day_events',
] as const;

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
