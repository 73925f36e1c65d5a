// Facilitated sessions (docs/facilitating.md): what a facilitator ran and its join code, and who attended,
// either joined on their own phone (an account) or ticked by the facilitator (a typed name, no account).
// A learner's rows: the sessions they ran (`facilitator_id`) and their attendances (`learner_id`); both go
// with the learner (on delete cascade), and a facilitator's ticked names go with their session.
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migration functions.
type AnyDb = Kysely<any>;

export const facilitatedSessions: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('facilitated_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('facilitator_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('module_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('lesson_ids', 'text', (c) => c.notNull())
      .addColumn('checks', 'text', (c) => c.notNull())
      .addColumn('minutes', 'integer', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('follow_up_on', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('facilitated_sessions_facilitator')
      .on('facilitated_sessions')
      .column('facilitator_id')
      .execute();
    await db.schema
      .createTable('session_attendees')
      .addColumn('session_id', 'text', (c) =>
        c.notNull().references('facilitated_sessions.id').onDelete('cascade'),
      )
      // `learner:<id>` for an attendee who joined by code, `name:<lower-case name>` for a ticked name.
      .addColumn('attendee_key', 'text', (c) => c.notNull())
      .addColumn('learner_id', 'text', (c) => c.references('learners.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('via', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('session_attendees_pk', ['session_id', 'attendee_key'])
      .execute();
    await db.schema
      .createIndex('session_attendees_learner')
      .on('session_attendees')
      .column('learner_id')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('session_attendees').execute();
    await db.schema.dropTable('facilitated_sessions').execute();
  },
};
