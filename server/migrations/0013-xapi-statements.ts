// Statements other tools sent to the xAPI resource (docs/xapi.md), kept per learner whose records they
// join; served beside the statements made from the learner's events, never folded into their progress.
// They go with the learner (on delete cascade).
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migration functions.
type AnyDb = Kysely<any>;

export const xapiStatements: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('xapi_statements')
      .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      // The statement as served (with `stored` and `authority`), as canonical JSON.
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('stored_at', 'bigint', (c) => c.notNull())
      // The team whose key wrote it: that team's keys read it back (a team key never reads what a member
      // keeps through their own key).
      .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
      // The id of the statement that voided this one, once one has.
      .addColumn('voided_by', 'text')
      .addPrimaryKeyConstraint('xapi_statements_pk', ['learner_id', 'id'])
      .execute();
    await db.schema
      .createIndex('xapi_statements_learner_stored')
      .on('xapi_statements')
      .columns(['learner_id', 'stored_at'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('xapi_statements').execute();
  },
};
