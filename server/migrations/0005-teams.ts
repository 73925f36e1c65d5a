// Teams (issue "Teams", docs/teams.md): teams, their members, join codes, assignments, and each learner's
// progress per module, kept as events arrive so a dashboard is one indexed read. A partial index finds a
// learner's voids (few rows; nothing to maintain for other events). No index by lesson: it would cost every
// push of every learner, while a team member's re-read walks only their own events (learner, seq).
import { type Kysely, type Migration, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migration functions.
type AnyDb = Kysely<any>;

export const teamsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('team_members')
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
      .addColumn('team_role', 'text', (c) => c.notNull())
      .addColumn('staff_role', 'text', (c) => c.notNull())
      .addColumn('joined_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'learner_id'])
      .execute();
    // "My teams" and "the teams I lead" read by learner.
    await db.schema.createIndex('team_members_learner').on('team_members').column('learner_id').execute();
    await db.schema
      .createTable('team_invites')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('email_domain', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema.createIndex('team_invites_team').on('team_invites').column('team_id').execute();
    await db.schema
      .createTable('team_assignments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('group_name', 'text', (c) => c.notNull())
      .addColumn('module_ids', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('team_assignments_team').on('team_assignments').column('team_id').execute();
    // The same modules as rows, so the trust overview counts who is done in SQL instead of in memory.
    await db.schema
      .createTable('team_assignment_modules')
      .addColumn('assignment_id', 'text', (c) =>
        c.notNull().references('team_assignments.id').onDelete('cascade'),
      )
      .addColumn('module_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('team_assignment_modules_pk', ['assignment_id', 'module_id'])
      .execute();
    await db.schema
      .createTable('module_progress')
      .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
      .addColumn('module_id', 'text', (c) => c.notNull())
      .addColumn('lessons_completed', 'integer', (c) => c.notNull())
      .addColumn('lessons_total', 'integer', (c) => c.notNull())
      .addColumn('completed_at', 'text')
      .addColumn('ms_spent', 'bigint', (c) => c.notNull())
      .addColumn('lessons', 'text', (c) => c.notNull())
      .addColumn('refreshers', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('module_progress_pk', ['learner_id', 'module_id'])
      .execute();
    await db.schema
      .createIndex('events_learner_voided')
      .on('events')
      .column('learner_id')
      .where(sql.ref('type'), '=', 'voided')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropIndex('events_learner_voided').execute();
    for (const table of [
      'module_progress',
      'team_assignment_modules',
      'team_assignments',
      'team_invites',
      'team_members',
      'teams',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
