// The one migration set for SQLite and PostgreSQL, kept in code so the server needs no files at run
// time. Applied at start; a failed migration stops the process before it serves anything.
import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import type { Database } from './db-schema';
import { teamsMigration } from './migrations/0005-teams';
import { accountSecurity } from './migrations/0006-account-security';
import { recoveryMigration } from './migrations/0007-recovery';
import { certificatesMigration } from './migrations/0008-certificates';
import { facilitatedSessions } from './migrations/0009-facilitated-sessions';
import { leaderResetCodes } from './migrations/0010-leader-reset-codes';
import { teamSessions } from './migrations/0011-team-sessions';
import { xapiKeys } from './migrations/0012-xapi-keys';
import { xapiStatements } from './migrations/0013-xapi-statements';
import { xapiForwarding } from './migrations/0014-xapi-forwarding';
import { xapiForwardCursors } from './migrations/0015-xapi-forward-cursors';
import { moduleFoldState } from './migrations/0016-module-fold-state';

// Migrations see an untyped database: they describe the schema rather than depend on it.
// biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migration functions.
type AnyDb = Kysely<any>;

const migrations: Record<string, Migration> = {
  '0001-initial': {
    async up(db: AnyDb) {
      await db.schema
        .createTable('learners')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('event_seq', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('doc_seq', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_learner').on('sessions').column('learner_id').execute();
      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
        .addColumn('name', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('devices_learner').on('devices').column('learner_id').execute();
      await db.schema
        .createTable('events')
        .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('lesson_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('events_pk', ['learner_id', 'event_id'])
        .execute();
      // Pull reads a learner's events in server order; unique so a sequence bug fails loudly.
      await db.schema
        .createIndex('events_learner_seq')
        .on('events')
        .columns(['learner_id', 'seq'])
        .unique()
        .execute();
      await db.schema
        .createTable('docs')
        .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .addColumn('rev', 'integer', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('docs_pk', ['learner_id', 'doc_id'])
        .execute();
      await db.schema
        .createIndex('docs_learner_seq')
        .on('docs')
        .columns(['learner_id', 'seq'])
        .unique()
        .execute();
    },
    async down(db: AnyDb) {
      for (const table of ['docs', 'events', 'devices', 'sessions', 'learners']) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
  '0002-rate-limits': {
    async up(db: AnyDb) {
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('until', 'bigint', (c) => c.notNull())
        .execute();
      // The sweep deletes by `until`.
      await db.schema.createIndex('rate_limits_until').on('rate_limits').column('until').execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('rate_limits').execute();
    },
  },
  // Per-learner quota counters kept on the learner's row (already locked by every push, so keeping them
  // costs no extra query), and when each device last synced, to retire the oldest unused one.
  '0003-quotas': {
    async up(db: AnyDb) {
      for (const column of ['doc_count', 'doc_bytes', 'quota_day', 'day_events']) {
        await db.schema
          .alterTable('learners')
          .addColumn(column, 'bigint', (c) => c.notNull().defaultTo(0))
          .execute();
      }
      await sql`update learners set
        doc_count = (select count(*) from docs where docs.learner_id = learners.id),
        doc_bytes = (select coalesce(sum(octet_length(body)), 0) from docs where docs.learner_id = learners.id)`.execute(
        db,
      );
      await db.schema
        .alterTable('devices')
        .addColumn('last_used_at', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`update devices set last_used_at = created_at`.execute(db);
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('devices').dropColumn('last_used_at').execute();
      for (const column of ['doc_count', 'doc_bytes', 'quota_day', 'day_events']) {
        await db.schema.alterTable('learners').dropColumn(column).execute();
      }
    },
  },
  '0004-reminders': {
    async up(db: AnyDb) {
      // Server-wide secrets made at first start (the VAPID key pair), by name.
      await db.schema
        .createTable('server_keys')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('push_subscriptions')
        .addColumn('endpoint', 'text', (c) => c.primaryKey())
        .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
        .addColumn('p256dh', 'text', (c) => c.notNull())
        .addColumn('auth', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('push_subscriptions_learner')
        .on('push_subscriptions')
        .column('learner_id')
        .execute();
      await db.schema
        .createTable('reminders_sent')
        .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
        .addColumn('occurrence', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('reminders_sent_pk', ['learner_id', 'occurrence'])
        .execute();
    },
    async down(db: AnyDb) {
      for (const table of ['reminders_sent', 'push_subscriptions', 'server_keys']) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
  '0005-teams': teamsMigration,
  '0006-account-security': accountSecurity,
  '0007-recovery': recoveryMigration,
  '0008-certificates': certificatesMigration,
  '0009-facilitated-sessions': facilitatedSessions,
  '0010-leader-reset-codes': leaderResetCodes,
  '0011-team-sessions': teamSessions,
  '0012-xapi-keys': xapiKeys,
  '0013-xapi-statements': xapiStatements,
  '0014-xapi-forwarding': xapiForwarding,
  '0015-xapi-forward-cursors': xapiForwardCursors,
  '0016-module-fold-state': moduleFoldState,
};

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const detail = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${detail}`);
  }
}
