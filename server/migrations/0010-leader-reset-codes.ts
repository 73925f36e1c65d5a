// One-time reset codes a team leader issues for a member (docs/accounts.md). A row is both the code (its
// slow hash in `code_hash`, cleared once the code is used, replaced, or past its expiry) and the member's
// record of it (who issued it, for which team, when, and whether it was used), kept for
// LEADER_RESET_RECORD_DAYS. The member's rows go with the member (on delete cascade); the issuer and the team
// are only named, so a deleted leader or team leaves the member's record with a blank there (set null).
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migration functions.
type AnyDb = Kysely<any>;

export const leaderResetCodes: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('leader_reset_codes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
      .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
      .addColumn('issued_by', 'text', (c) => c.references('learners.id').onDelete('set null'))
      .addColumn('code_hash', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('leader_reset_codes_learner')
      .on('leader_reset_codes')
      .column('learner_id')
      .execute();
    await db.schema
      .createIndex('leader_reset_codes_issuer')
      .on('leader_reset_codes')
      .column('issued_by')
      .execute();
    // The purge clears and deletes by age.
    await db.schema
      .createIndex('leader_reset_codes_created')
      .on('leader_reset_codes')
      .column('created_at')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('leader_reset_codes').execute();
  },
};
