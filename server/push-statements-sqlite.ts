// A push's reads on SQLite (store-push.ts): the lock, then each read a statement of its own. SQLite runs in
// the server's process, so a statement costs no round trip, and its one connection serialises transactions:
// what the reads see is what the push stores onto. (PostgreSQL folds the same reads into its lock statement:
// push-statements-pg.ts.)
import { sql, type Transaction } from 'kysely';
import type { Database } from './db-schema';
import { COUNTER_COLUMNS, type Locked, readStoredEvents } from './push-rows';
import { type TeamState, teamState } from './teams/keep-progress';

type Trx = Transaction<Database>;

/** Locks the learner's row, then reads the stored copies of `eventIds` and the team state. */
export async function lockThenReadSqlite(
  trx: Trx,
  learnerId: string,
  eventIds: string[],
  moduleIds: string[] | null,
): Promise<Locked> {
  const counters = await trx
    .updateTable('learners')
    .set((eb) => ({ event_seq: eb.ref('event_seq') }))
    .where('id', '=', learnerId)
    .returning([...COUNTER_COLUMNS])
    .executeTakeFirstOrThrow();
  return {
    counters,
    storedEvents: await readStoredEvents(trx, learnerId, eventIds),
    team: await readTeamState(trx, learnerId, eventIds, moduleIds),
  };
}

/**
 * Whether the learner is in a team and, if so, the fold states kept for `moduleIds` and whether a stored void
 * names one of `eventIds` (a void can arrive before what it voids): one statement.
 */
async function readTeamState(
  trx: Trx,
  learnerId: string,
  eventIds: readonly string[],
  moduleIds: string[] | null,
): Promise<TeamState> {
  // Nothing to fold on (no course module named, or a void): keepProgress decides, and reads membership
  // only when there is something to fold, so a push of notes alone or of other lessons reads nothing here.
  if (!moduleIds) return { kind: 'unknown' };
  // A row per kept state, its text as stored (built into a JSON array, SQLite would parse and print every
  // state once more), or one row of nulls; the membership is in each, and gates reading the states.
  const { rows } = await sql<{
    member: number;
    voids_pushed: number;
    module_id: string | null;
    fold_state: string | null;
  }>`
    select t.member, t.voids_pushed, p.module_id, p.fold_state
    from (select exists (select 1 from team_members where learner_id = ${learnerId}) as member,
        exists (select 1 from events where learner_id = ${learnerId} and type = 'voided'
          and json_extract(body, '$.payload.eventId') in (${sql.join(eventIds)})) as voids_pushed) t
      left join module_progress p on t.member and p.learner_id = ${learnerId}
        and p.module_id in (${sql.join(moduleIds)})`.execute(trx);
  const first = rows[0];
  const kept = rows.flatMap((row): [string, string | null][] =>
    row.module_id === null ? [] : [[row.module_id, row.fold_state]],
  );
  return teamState(Boolean(first?.member), moduleIds, kept, Boolean(first?.voids_pushed));
}
