// A push's statements on PostgreSQL (store-push.ts), where each round trip costs the server a system call
// and a parse (bench:sync): four in all, for a team member's push as for anyone's. The lock statement
// also reads the stored copies of the pushed ids and, for a team member, the stored events their progress
// folds over; the insert statement also writes the learner's new counters and the folded progress rows.
//
// Why the first reads can be trusted: in READ COMMITTED the lock statement reads from a snapshot taken when
// it began, before it waited for the lock, so what another transaction committed meanwhile is missing from
// it. Every transaction that changes a learner's events or memberships updates their row (a push its
// counters, a join refoldLearner), so the row's version tells: the locked row's `xmin` equals the one the
// snapshot saw only when nothing was committed in between. Otherwise the push reads again, in statements
// that begin after the lock (readAfterLockPg), and keeps progress with its own reads (keepProgress).
import { sql, type Transaction } from 'kysely';
import type { LearnerEvent } from '../src/shared/progress/events';
import type { Database } from './db-schema';
import { COUNTER_COLUMNS, type Counters, counterList, type EventRow } from './push-rows';
import { type ProgressWrite, progressColumns } from './teams/keep-progress';

type Trx = Transaction<Database>;

export type Locked = {
  counters: Counters;
  storedEvents: Map<string, string>;
  /**
   * What keeping team progress needs: `none` for a learner in no team; the events stored before this push
   * of the lessons asked for and every void, for a team member; `unknown` when the read could not say
   * (it raced a commit, or no lessons were asked for): keepProgress reads for itself.
   */
  team: { kind: 'none' } | { kind: 'member'; earlier: LearnerEvent[] } | { kind: 'unknown' };
};

/** Thrown when a concurrent push committed one of this push's events first (see insertEventsPg). */
export class StoredConcurrently extends Error {}

/**
 * Locks the learner's row and reads, in one round trip, the stored copies of `eventIds`, whether the learner
 * is in a team and, if so and `lessonIds` is given, their stored events of those lessons and their voids.
 */
export async function lockAndReadPg(
  trx: Trx,
  learnerId: string,
  eventIds: string[],
  lessonIds: string[] | null,
): Promise<Locked> {
  const isMember = sql`exists (select 1 from team_members where learner_id = ${learnerId})`;
  const earlier = lessonIds
    ? sql`(select json_agg(body::json) from events
        where learner_id = ${learnerId} and (lesson_id = any(${lessonIds}::text[]) or type = 'voided')
        and ${isMember})`
    : sql`null`;
  const result = await sql<
    Counters & {
      fresh: boolean;
      stored: [string, string][] | null;
      member: boolean;
      earlier: LearnerEvent[] | null;
    }
  >`
    with seen as (select xmin::text as version from learners where id = ${learnerId})
    select ${counterList}, l.xmin::text = (select version from seen) as fresh,
      (select json_agg(json_build_array(event_id, body)) from events
        where learner_id = ${learnerId} and event_id = any(${eventIds}::text[])) as stored,
      ${isMember} as member,
      ${earlier} as earlier
    from learners l where l.id = ${learnerId}
    for no key update of l`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('learner row missing');
  const { fresh, stored, member, earlier: events, ...counters } = row;
  if (!fresh) {
    return {
      counters,
      storedEvents: await readStoredEvents(trx, learnerId, eventIds),
      team: { kind: 'unknown' },
    };
  }
  const team: Locked['team'] = !member
    ? { kind: 'none' }
    : lessonIds
      ? { kind: 'member', earlier: events ?? [] }
      : { kind: 'unknown' };
  return { counters, storedEvents: new Map(stored ?? []), team };
}

/** The stored copies of `eventIds`, read by a statement of its own (so, on PostgreSQL, after the lock). */
export async function readStoredEvents(
  trx: Trx,
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

/**
 * The new events (one `unnest` insert of seven arrays rather than a VALUES list of 900 parameters), the
 * learner's new counters and the folded progress rows, in one statement.
 */
export async function insertEventsPg(
  trx: Trx,
  learnerId: string,
  rows: EventRow[],
  nowMs: number,
  next: Counters,
  progress: ProgressWrite | null,
): Promise<void> {
  const result = await sql<{ inserted: number }>`
    with inserted as (
      insert into events (learner_id, event_id, seq, device_id, type, lesson_id, at, body, received_at)
      select ${learnerId}, e.event_id, e.seq, e.device_id, e.type, e.lesson_id, e.at, e.body, ${nowMs}::bigint
      from unnest(
        ${rows.map((r) => r.event_id)}::text[], ${rows.map((r) => r.seq)}::bigint[],
        ${rows.map((r) => r.device_id)}::text[], ${rows.map((r) => r.type)}::text[],
        ${rows.map((r) => r.lesson_id)}::text[], ${rows.map((r) => r.at)}::text[],
        ${rows.map((r) => r.body)}::text[]
      ) as e(event_id, seq, device_id, type, lesson_id, at, body)
      on conflict (learner_id, event_id) do nothing
      returning 1
    )${progress ? progressStatements(learnerId, progress) : sql``}
    update learners set ${sql.join(COUNTER_COLUMNS.map((column) => sql`${sql.ref(column)} = ${next[column]}`))}
    where id = ${learnerId}
    returning (select count(*) from inserted)::int as inserted`.execute(trx);
  if (result.rows[0]?.inserted !== rows.length) {
    // Only when a concurrent push stored one of these ids first and this push's reads missed it: the
    // results and counters of this transaction are wrong, so it rolls back and storePush reads again.
    throw new StoredConcurrently('a concurrent push stored one of these events first');
  }
}

/** More CTEs for insertEventsPg: replace the kept rows, delete the gone ones (each runs once, read or not). */
function progressStatements(learnerId: string, { kept, gone }: ProgressWrite) {
  const rows = kept.map((row) => progressColumns(learnerId, row));
  return sql`,
    kept as (
      insert into module_progress
        (learner_id, module_id, lessons_completed, lessons_total, completed_at, ms_spent, lessons, refreshers)
      select ${learnerId}, p.module_id, p.lessons_completed, p.lessons_total, p.completed_at, p.ms_spent,
        p.lessons, p.refreshers
      from unnest(
        ${rows.map((r) => r.module_id)}::text[], ${rows.map((r) => r.lessons_completed)}::integer[],
        ${rows.map((r) => r.lessons_total)}::integer[], ${rows.map((r) => r.completed_at)}::text[],
        ${rows.map((r) => r.ms_spent)}::bigint[], ${rows.map((r) => r.lessons)}::text[],
        ${rows.map((r) => r.refreshers)}::text[]
      ) as p(module_id, lessons_completed, lessons_total, completed_at, ms_spent, lessons, refreshers)
      on conflict (learner_id, module_id) do update set
        lessons_completed = excluded.lessons_completed, lessons_total = excluded.lessons_total,
        completed_at = excluded.completed_at, ms_spent = excluded.ms_spent,
        lessons = excluded.lessons, refreshers = excluded.refreshers
    ),
    gone as (
      delete from module_progress where learner_id = ${learnerId} and module_id = any(${gone}::text[])
    )`;
}
