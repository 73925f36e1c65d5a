// Where each team's forward has read up to in each member's events (docs/xapi.md, "The cursor"): the
// member's server sequence (`events.seq`), which the server gives in the order it receives events, so a
// tick reads only what came in since the last one, however old the events' own times are. A row goes
// with its team and with the member (on delete cascade); the forwarder removes it when they leave.
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migration functions.
type AnyDb = Kysely<any>;

export const xapiForwardCursors: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('xapi_forward_cursors')
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
      // The highest `events.seq` of this member's already looked at for this team's forward.
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('xapi_forward_cursors_pk', ['team_id', 'learner_id'])
      .execute();
    await db.schema
      .createIndex('xapi_forward_cursors_learner')
      .on('xapi_forward_cursors')
      .column('learner_id')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('xapi_forward_cursors').execute();
  },
};
