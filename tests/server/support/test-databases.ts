// The databases every server test file runs against: SQLite in memory always, PostgreSQL too when
// TEST_DATABASE_URL is set (each test file gets its own schema, dropped at the end).

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { migrateToLatest } from '../../../server/migrations';
import { type Db, openDatabase } from '../../../server/open-database';

export type TestDbKind = 'sqlite' | 'postgres';

const pgUrl = process.env.TEST_DATABASE_URL;
export const testDbKinds: TestDbKind[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export type TestDb = {
  db: Db;
  reset: () => Promise<void>;
  close: () => Promise<void>;
  /** On PostgreSQL, a second pool on the same schema: what a second server process would hold. */
  openAnother?: () => Db;
};

export async function openTestDb(kind: TestDbKind): Promise<TestDb> {
  if (kind === 'sqlite') {
    const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(db.kysely);
    return { db, reset: () => clearTables(db), close: () => db.close() };
  }
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await withClient(pgUrl, (client) => client.query(`create schema ${schema}`));
  const open = () => openDatabase({ kind: 'postgres', url: pgUrl, poolSize: 5 }, { searchPath: schema });
  const db = open();
  await migrateToLatest(db.kysely);
  return {
    db,
    openAnother: open,
    reset: () => clearTables(db),
    close: async () => {
      await db.close();
      await withClient(pgUrl, (client) => client.query(`drop schema ${schema} cascade`));
    },
  };
}

async function clearTables(db: Db): Promise<void> {
  for (const table of [
    'xapi_forward_cursors',
    'xapi_outbox',
    'xapi_forwards',
    'xapi_statements',
    'xapi_keys',
    'certificates',
    'certificate_keys',
    'recovery_codes',
    'password_resets',
    'module_progress',
    'team_assignment_modules',
    'team_assignments',
    'team_invites',
    'team_members',
    'teams',
    'session_attendees',
    'facilitated_sessions',
    'reminders_sent',
    'push_subscriptions',
    'server_keys',
    'docs',
    'events',
    'devices',
    'sessions',
    'learners',
    'rate_limits',
    'auth_throttle',
  ] as const) {
    await db.kysely.deleteFrom(table).execute();
  }
}

async function withClient(url: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

/**
 * The database a suite shares: opened once, emptied before each test, closed at the end. `receive` gets
 * it once open; a suite keeps it in its own variable (`emptyDatabasePerTest(kind, (db) => { testDb = db; })`).
 */
export function emptyDatabasePerTest(kind: TestDbKind, receive: (testDb: TestDb) => void): void {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb(kind);
    receive(testDb);
  });
  afterAll(async () => {
    await testDb.close();
  });
  beforeEach(async () => {
    await testDb.reset();
  });
}
