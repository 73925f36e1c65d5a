// A push's statements on PostgreSQL (store-push.ts), where each round trip costs the server a system call
// and a parse (bench:sync): four in all, for a team member's push as for anyone's. The lock statement
// also reads the stored copies of the pushed ids and, for a team member, the kept fold states their
// progress folds on from; the insert statement also writes the learner's new counters and the progress rows.
//
// Why the first reads can be trusted: in READ COMMITTED the lock statement reads from a snapshot taken when
// it began, before it waited for the lock, so what another transaction committed meanwhile is missing from
// it. Every transaction that adds to a learner's events or makes them a member updates their row (a push
// its counters; joining or creating a team, refoldLearner), so the row's version tells: the locked row's
// `xmin` equals the one the snapshot saw only when nothing was committed in between. Otherwise the push
// reads again, in statements that begin after the lock (readStoredEvents), and keeps progress with its own
// reads (keepProgress). Leaving a team does not update the row: a push that still sees the membership
// keeps rows no team reads, and joining again folds them afresh.
import { sql, type Transaction } from 'kysely';
import type { Database } from './db-schema';
import {
  COUNTER_COLUMNS,
  type Counters,
  counterList,
  type EventRow,
  type Locked,
  readStoredEvents,
} from './push-rows';
import { type ProgressWrite, teamState, upsertProgress } from './teams/keep-progress';

type Trx = Transaction<Database>;

/** Thrown when the insert finds one of this push's events already stored (see insertEventsPg). */
export class StoredConcurrently extends Error {}

type LockRow = Counters & {
  fresh: boolean;
  stored: [string, string][] | null;
  member: boolean;
  kept: [string, string | null][] | null;
  voids_pushed: boolean;
};

/**
 * Locks the learner's row and reads, in one round trip, the stored copies of `eventIds`, whether the learner
 * is in a team and, if so and `moduleIds` is given, the fold states kept for those modules and whether a
 * stored void names one of `eventIds` (a void can arrive before what it voids).
 */
export async function lockAndReadPg(
  trx: Trx,
  learnerId: string,
  eventIds: string[],
  moduleIds: string[] | null,
): Promise<Locked> {
  // The states go as text inside the JSON, parsed by teamState (readFoldState): cheaper for both sides than
  // PostgreSQL parsing them as json and the driver walking them in the answer.
  const teamReads = moduleIds
    ? sql`(select json_agg(json_build_array(module_id, fold_state)) from module_progress
          where learner_id = ${learnerId} and module_id = any(${moduleIds}::text[])
            and (select yes from member)) as kept,
        ((select yes from member) and exists (select 1 from events where learner_id = ${learnerId}
          and type = 'voided' and body::json #>> '{payload,eventId}' = any(${eventIds}::text[]))) as voids_pushed`
    : sql`null as kept, false as voids_pushed`;
  const result = await sql<LockRow>`
    with seen as (select xmin::text as version from learners where id = ${learnerId}),
      member as (select exists (select 1 from team_members where learner_id = ${learnerId}) as yes)
    select ${counterList}, l.xmin::text = (select version from seen) as fresh,
      (select json_agg(json_build_array(event_id, body)) from events
        where learner_id = ${learnerId} and event_id = any(${eventIds}::text[])) as stored,
      (select yes from member) as member,
      ${teamReads}
    from learners l where l.id = ${learnerId}
    for no key update of l`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('learner row missing');
  const { fresh, stored, member, kept, voids_pushed, ...counters } = row;
  if (!fresh) {
    const storedEvents = await readStoredEvents(trx, learnerId, eventIds);
    return { counters, storedEvents, team: { kind: 'unknown' } };
  }
  return {
    counters,
    storedEvents: new Map(stored ?? []),
    team: teamState(member, moduleIds, kept, voids_pushed),
  };
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
  progress: ProgressWrite | undefined,
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
    )${progress && progress.kept.length + progress.gone.length > 0 ? progressStatements(learnerId, progress) : sql``}
    update learners set ${sql.join(COUNTER_COLUMNS.map((column) => sql`${sql.ref(column)} = ${next[column]}`))}
    where id = ${learnerId}
    returning (select count(*) from inserted)::int as inserted`.execute(trx);
  if (result.rows[0]?.inserted !== rows.length) {
    // The reads were taken as exact (fresh, or read again after the lock), so this guards against a flaw in
    // that reasoning rather than an expected race: the results and counters of this transaction would be
    // wrong, so it rolls back and storePush answers from a new transaction.
    throw new StoredConcurrently('a concurrent push stored one of these events first');
  }
}

/** More CTEs for insertEventsPg: replace the kept rows, delete the gone ones (each runs once, read or not). */
function progressStatements(learnerId: string, { kept, gone }: ProgressWrite) {
  return sql`,
    ${kept.length > 0 ? sql`kept as (${upsertProgress(learnerId, kept)}),` : sql``}
    gone as (
      delete from module_progress where learner_id = ${learnerId} and module_id = any(${gone}::text[])
    )`;
}
