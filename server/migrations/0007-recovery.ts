// Ways back into an account: recovery codes (ten per learner, single use, only their hashes kept) and
// emailed reset links (one-time tokens, only their hashes kept, with a short expiry). Both go with the
// learner (on delete cascade), and spent codes and used tokens are deleted, not marked.
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migration functions.
type AnyDb = Kysely<any>;

export const recoveryMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('recovery_codes')
      .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('recovery_codes_pk', ['learner_id', 'code_hash'])
      .execute();
    await db.schema
      .createTable('password_resets')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('password_resets_learner')
      .on('password_resets')
      .column('learner_id')
      .execute();
    // The purge deletes by expiry.
    await db.schema
      .createIndex('password_resets_expires')
      .on('password_resets')
      .column('expires_at')
      .execute();
    await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropIndex('sessions_expires').execute();
    await db.schema.dropTable('password_resets').execute();
    await db.schema.dropTable('recovery_codes').execute();
  },
};
