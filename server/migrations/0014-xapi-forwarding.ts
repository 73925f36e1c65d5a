// xAPI forwarding (docs/xapi.md): a team's external Learning Record Store, and the outbox of statements on
// their way to it. The LRS's key secret is kept as given (it must be sent), never returned by any route.
// Both go with their team (on delete cascade); a forward goes with the leader who set it up, and an
// outbox row with the member it is about.
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migration functions.
type AnyDb = Kysely<any>;

export const xapiForwarding: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('xapi_forwards')
      .addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id').onDelete('cascade'))
      // The LRS's statements endpoint base, ending in a slash (".../xAPI/").
      .addColumn('endpoint', 'text', (c) => c.notNull())
      .addColumn('key_name', 'text', (c) => c.notNull())
      .addColumn('key_secret', 'text', (c) => c.notNull())
      // Our own address when it was set up: the statements' activity ids and agents start with it.
      .addColumn('base_url', 'text', (c) => c.notNull())
      .addColumn('set_by', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_delivery_at', 'bigint')
      .addColumn('last_error', 'text')
      .addColumn('last_error_at', 'bigint')
      .execute();
    await db.schema
      .createTable('xapi_outbox')
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('statement_id', 'text', (c) => c.notNull())
      .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
      // The statement as sent, canonical JSON.
      .addColumn('body', 'text', (c) => c.notNull())
      // 'pending', 'sent', or 'refused' (the LRS said no for good: a 400 or 409).
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('sent_at', 'bigint')
      .addPrimaryKeyConstraint('xapi_outbox_pk', ['team_id', 'statement_id'])
      .execute();
    await db.schema
      .createIndex('xapi_outbox_due')
      .on('xapi_outbox')
      .columns(['state', 'next_attempt_at'])
      .execute();
    await db.schema.createIndex('xapi_outbox_learner').on('xapi_outbox').column('learner_id').execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('xapi_outbox').execute();
    await db.schema.dropTable('xapi_forwards').execute();
  },
};
