// Deletes every server row of a learner in one transaction: their rows in each learner table and each table
// keyed by them (rate-limit windows, sign-in throttle rows; learner-tables.ts), then the account itself;
// rows of other people's that name them as the one who acted keep the row with that name blanked. A
// failure part way rolls all of it back, so an account is never left half deleted.
import { sql } from 'kysely';
import type { Db } from '../open-database';
import { learnerActsIn, learnerKeyedRows, learnerTables } from './learner-tables';

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
    for (const [table, theirs] of Object.entries(learnerKeyedRows(learner))) {
      await sql`delete from ${sql.table(table)} where ${theirs}`.execute(trx);
    }
    for (const [table, { column }] of Object.entries(learnerActsIn)) {
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = null where ${sql.ref(column)} = ${learner.id}`.execute(
        trx,
      );
    }
    await trx.deleteFrom('learners').where('id', '=', learner.id).execute();
  });
}
