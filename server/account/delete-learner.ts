// Deletes every server row of a learner in one transaction: their rows in each learner table, the
// rate-limit windows keyed by their email or id, their sign-in throttle rows, then the account itself. A failure part way rolls all of
// it back, so an account is never left half deleted.
import { sql } from 'kysely';
import { accountThrottleKeys } from '../auth-limits';
import type { Db } from '../open-database';
import { learnerTables, rateLimitSuffixes } from './learner-tables';

export async function deleteLearner(db: Db, learner: { id: string; email: string }): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    // A team the learner owns alone goes with them; one with other members must be handed over first
    // (the route refuses before this), so a team is never left without an owner.
    const owned = await trx
      .selectFrom('team_members')
      .select('team_id')
      .where('learner_id', '=', learner.id)
      .where('team_role', '=', 'owner')
      .execute();
    if (owned.length > 0) {
      await trx
        .deleteFrom('teams')
        .where(
          'id',
          'in',
          owned.map((t) => t.team_id),
        )
        .execute();
    }
    for (const [table, { column }] of Object.entries(learnerTables)) {
      await sql`delete from ${sql.table(table)} where ${sql.ref(column)} = ${learner.id}`.execute(trx);
    }
    for (const suffix of rateLimitSuffixes(learner)) {
      await trx
        .deleteFrom('rate_limits')
        .where(sql<string>`substr("key", length("key") - ${suffix.length} + 1)`, '=', suffix)
        .execute();
    }
    const throttle = accountThrottleKeys(learner.email);
    await trx
      .deleteFrom('auth_throttle')
      .where((eb) => eb.or([eb('key', '=', throttle.key), eb('key', 'like', `${throttle.prefix}%`)]))
      .execute();
    await trx.deleteFrom('learners').where('id', '=', learner.id).execute();
  });
}
