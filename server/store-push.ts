// Stores one push in ONE transaction. The learner's row is updated first, which on PostgreSQL takes a
// row lock: concurrent pushes of one learner queue behind each other, so per-learner sequences are
// handed out and committed in order and a pull never sees seq n+1 before seq n is visible. (A global
// bigserial would not give that: a later number can commit before an earlier one.) On SQLite the
// single connection serialises transactions anyway. The same row holds the learner's quota counters
// (learner-quotas.ts). On failure, or a push past a quota (403 quota_exceeded), the transaction rolls back:
// nothing stored.
//
// PostgreSQL gets fewer, cheaper round trips (bench:sync): the stored copies of the pushed events come
// back with the lock, and new events go in as one `unnest` insert of seven arrays (rather than a VALUES
// list of 900 parameters) in the same statement that writes the learner's new counters: four round trips
// in all (begin, lock, insert, commit), plus one indexed membership read when the events touch a course
// module, and for a team member the fold's reads and write (team progress, teams/keep-progress.ts). SQLite
// runs in-process, where round trips cost nothing.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import {
  type PushResponse,
  type pushRequestSchema,
  QUOTA_EXCEEDED_CODE,
  type QuotaError,
} from '../src/shared/protocol/sync-protocol';
import { classifyPush, type NewEvent, type StoredDoc } from './classify-push';
import type { Quotas } from './config';
import type { Database } from './db-schema';
import { HttpError } from './http-error';
import { applyQuotas, type QuotaCounters } from './learner-quotas';
import type { Db } from './open-database';
import type { CourseIndex } from './teams/course-index';
import { keepProgress } from './teams/keep-progress';

type ParsedPush = z.output<typeof pushRequestSchema>;
type Counters = QuotaCounters & { event_seq: number; doc_seq: number };

const COUNTER_COLUMNS = [
  'event_seq',
  'doc_seq',
  'doc_count',
  'doc_bytes',
  'quota_day',
  'day_events',
] as const;
const counterList = sql.join(COUNTER_COLUMNS.map((column) => sql.ref(column)));

/** Thrown (PostgreSQL only) when a concurrent push committed one of this push's events first. */
class StoredConcurrently extends Error {}

export async function storePush(
  db: Db,
  learnerId: string,
  push: ParsedPush,
  nowMs: number,
  quotas: Quotas,
  course: CourseIndex,
): Promise<PushResponse> {
  try {
    return await storePushOnce(db, learnerId, push, nowMs, quotas, course);
  } catch (error) {
    if (!(error instanceof StoredConcurrently)) throw error;
  }
  // The second read: a new transaction's lock statement sees what the other push committed, so those
  // events are answered duplicate or conflict and the counters stay exact. Raced again: the device retries.
  try {
    return await storePushOnce(db, learnerId, push, nowMs, quotas, course);
  } catch (error) {
    if (!(error instanceof StoredConcurrently)) throw error;
    throw new HttpError(503, 'retry', 'Another push of these records is being stored. Try again shortly.', {
      'Retry-After': '1',
    });
  }
}

async function storePushOnce(
  db: Db,
  learnerId: string,
  push: ParsedPush,
  nowMs: number,
  quotas: Quotas,
  course: CourseIndex,
): Promise<PushResponse> {
  return db.kysely.transaction().execute(async (trx) => {
    const eventIds = push.events.map((e) => e.id);
    const { counters, storedEvents } =
      db.dialect === 'postgres'
        ? await lockWithStoredEventsPg(trx, learnerId, eventIds)
        : await lockThenReadEvents(trx, learnerId, eventIds);
    const storedDocs = new Map<string, StoredDoc>();
    if (push.docs.length > 0) {
      const rows = await trx
        .selectFrom('docs')
        .select(['doc_id', 'rev', 'body'])
        .where('learner_id', '=', learnerId)
        .where(
          'doc_id',
          'in',
          push.docs.map((d) => d.id),
        )
        .execute();
      for (const row of rows) storedDocs.set(row.doc_id, { rev: row.rev, body: row.body });
    }
    const plan = classifyPush({ ...push, storedEvents, storedDocs, nowMs });
    const quota = applyQuotas(
      counters,
      { newEvents: plan.newEvents.length, savedDocs: plan.savedDocs },
      storedDocs,
      quotas,
      nowMs,
    );
    if (!quota.ok) {
      // 403 quota_exceeded, nothing stored: the transaction rolls back.
      const details: Omit<QuotaError['error'], 'code' | 'message'> = {
        quota: quota.quota,
        ...(quota.remaining === undefined ? {} : { remaining: quota.remaining }),
      };
      const headers: Record<string, string> =
        quota.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(quota.retryAfterSeconds) };
      throw new HttpError(403, QUOTA_EXCEEDED_CODE, quota.message, headers, details);
    }

    let docSeq = counters.doc_seq;
    if (plan.savedDocs.length > 0) {
      await trx
        .insertInto('docs')
        .values(
          plan.savedDocs.map((d) => ({
            learner_id: learnerId,
            doc_id: d.id,
            rev: d.rev,
            seq: ++docSeq,
            body: d.body,
            updated_at: nowMs,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['learner_id', 'doc_id']).doUpdateSet((eb) => ({
            rev: eb.ref('excluded.rev'),
            seq: eb.ref('excluded.seq'),
            body: eb.ref('excluded.body'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    const eventSeq = counters.event_seq + plan.newEvents.length;
    const next: Counters = { ...quota.counters, event_seq: eventSeq, doc_seq: docSeq };
    if (plan.newEvents.length > 0 && db.dialect === 'postgres') {
      await insertEventsPg(trx, learnerId, plan.newEvents, counters.event_seq, nowMs, next);
    } else {
      if (plan.newEvents.length > 0) {
        await insertEvents(trx, learnerId, plan.newEvents, counters.event_seq, nowMs);
      }
      if (COUNTER_COLUMNS.some((column) => next[column] !== counters[column])) {
        await trx.updateTable('learners').set(next).where('id', '=', learnerId).execute();
      }
    }
    // Team progress moves with the events, in this transaction: a dashboard never sees one without the other.
    await keepProgress(
      trx,
      learnerId,
      plan.newEvents.map((e) => e.event),
      counters.event_seq,
      course,
    );
    return { results: plan.results, docs: plan.docResults, serverSeq: eventSeq };
  });
}

async function lockThenReadEvents(
  trx: Transaction<Database>,
  learnerId: string,
  eventIds: string[],
): Promise<{ counters: Counters; storedEvents: Map<string, string> }> {
  const counters = await trx
    .updateTable('learners')
    .set((eb) => ({ event_seq: eb.ref('event_seq') }))
    .where('id', '=', learnerId)
    .returning([...COUNTER_COLUMNS])
    .executeTakeFirstOrThrow();
  const storedEvents = new Map<string, string>();
  if (eventIds.length > 0) {
    const rows = await trx
      .selectFrom('events')
      .select(['event_id', 'body'])
      .where('learner_id', '=', learnerId)
      .where('event_id', 'in', eventIds)
      .execute();
    for (const row of rows) storedEvents.set(row.event_id, row.body);
  }
  return { counters, storedEvents };
}

/**
 * One round trip: lock the learner's row and read the stored copies of the pushed ids. The subquery runs
 * once the lock is held, but in READ COMMITTED it reads the snapshot taken when the statement began, so
 * an event a concurrent push committed while this one waited can be missing from it; the insert's
 * ON CONFLICT DO NOTHING then keeps the stored row, insertEventsPg throws StoredConcurrently and
 * storePush answers the push from a second transaction, whose read sees that event.
 */
async function lockWithStoredEventsPg(
  trx: Transaction<Database>,
  learnerId: string,
  eventIds: string[],
): Promise<{ counters: Counters; storedEvents: Map<string, string> }> {
  const result = await sql<Counters & { stored: [string, string][] | null }>`
    update learners set event_seq = event_seq where id = ${learnerId}
    returning ${counterList},
      (select json_agg(json_build_array(event_id, body)) from events
        where learner_id = ${learnerId} and event_id = any(${eventIds}::text[])) as stored`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('learner row missing');
  const { stored, ...counters } = row;
  return { counters, storedEvents: new Map(stored ?? []) };
}

function eventRows(learnerId: string, events: NewEvent[], firstSeq: number, nowMs: number) {
  return events.map(({ event, body }, i) => ({
    learner_id: learnerId,
    event_id: event.id,
    seq: firstSeq + i + 1,
    device_id: event.deviceId,
    type: event.type,
    lesson_id: event.lessonId,
    at: event.at,
    body,
    received_at: nowMs,
  }));
}

async function insertEvents(
  trx: Kysely<Database>,
  learnerId: string,
  events: NewEvent[],
  lastSeq: number,
  nowMs: number,
): Promise<void> {
  await trx
    .insertInto('events')
    .values(eventRows(learnerId, events, lastSeq, nowMs))
    .onConflict((oc) => oc.columns(['learner_id', 'event_id']).doNothing())
    .execute();
}

/** The new events and the learner's new counters in one statement: one round trip fewer per push. */
async function insertEventsPg(
  trx: Transaction<Database>,
  learnerId: string,
  events: NewEvent[],
  lastSeq: number,
  nowMs: number,
  next: Counters,
): Promise<void> {
  const rows = eventRows(learnerId, events, lastSeq, nowMs);
  const result = await sql<{ inserted: number }>`
    with inserted as (
      insert into events (learner_id, event_id, seq, device_id, type, lesson_id, at, body, received_at)
      select ${learnerId}, e.event_id, e.seq, e.device_id, e.type, e.lesson_id, e.at, e.body, ${nowMs}::bigint
      from unnest(
        ${rows.map((r) => r.event_id)}::text[], ${rows.map((r) => r.seq)}::bigint[],
        ${rows.map((r) => r.device_id)}::text[], ${rows.map((r) => r.type)}::text[],
        ${rows.map((r) => r.lesson_id)}::text[], ${rows.map((r) => r.at)}::text[], ${rows.map((r) => r.body)}::text[]
      ) as e(event_id, seq, device_id, type, lesson_id, at, body)
      on conflict (learner_id, event_id) do nothing
      returning 1
    )
    update learners set ${sql.join(COUNTER_COLUMNS.map((column) => sql`${sql.ref(column)} = ${next[column]}`))}
    where id = ${learnerId}
    returning (select count(*) from inserted)::int as inserted`.execute(trx);
  if (result.rows[0]?.inserted !== rows.length) {
    // Only when a concurrent push stored one of these ids first (see lockWithStoredEventsPg): the results
    // and counters of this transaction are wrong, so it rolls back and storePush reads again.
    throw new StoredConcurrently('a concurrent push stored one of these events first');
  }
}
