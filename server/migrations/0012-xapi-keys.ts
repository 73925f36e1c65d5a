// xAPI credentials (docs/xapi.md): HTTP Basic keys for the Statements resource at /xapi/. A key reads (and,
// when writable, writes) one learner's records, or a team's when `team_id` is set. Only the secret's hash
// is kept. A key goes with the learner who made it and with its team (on delete cascade).
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migration functions.
type AnyDb = Kysely<any>;

export const xapiKeys: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('xapi_keys')
      // The Basic user name, shown in lists; the secret is the password.
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
      .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('cascade'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('writable', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_used_at', 'bigint')
      .execute();
    await db.schema.createIndex('xapi_keys_learner').on('xapi_keys').column('learner_id').execute();
    await db.schema.createIndex('xapi_keys_team').on('xapi_keys').column('team_id').execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('xapi_keys').execute();
  },
};
