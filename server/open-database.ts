// Opens the one database the server keeps everything in: SQLite (a file, WAL) by default, or
// PostgreSQL when DATABASE_URL is set. Same Kysely schema and migrations on both.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from './config';
import type { Database } from './db-schema';
import { createLogger, type Logger } from './logger';
import { pgHostOptions } from './pg-hosts';

export type Db = { kysely: Kysely<Database>; dialect: 'sqlite' | 'postgres'; close: () => Promise<void> };

const INT8_OID = 20;

export function openDatabase(
  config: DatabaseConfig,
  pgOptions: { searchPath?: string; logger?: Logger } = {},
): Db {
  if (config.kind === 'postgres') {
    const logger = pgOptions.logger ?? createLogger('warn');
    const pool = new pg.Pool({
      ...pgHostOptions(config.url, (to, why) => logger.warn('database host switched', { to, why })),
      max: config.poolSize,
      // Sequences and millisecond times fit in 2^53; parsing them keeps one row type for both dialects.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID
            ? (v: string) => Number(v)
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
      ...(pgOptions.searchPath ? { options: `-c search_path=${pgOptions.searchPath}` } : {}),
    });
    // A connection PostgreSQL ends (restart, failover) emits 'error'; unheard, it would stop the process.
    const lost = (error: Error) => logger.warn('database connection lost', { error: error.message });
    pool.on('error', lost);
    pool.on('connect', (client) => client.on('error', lost));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
  }
  if (config.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(config.file)), { recursive: true });
  const sqlite = new SqliteDatabase(config.file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL under WAL loses at most the last commits on power loss, never corrupts; devices re-push.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}

/**
 * Kysely prepares every query afresh; better-sqlite3 statements are reusable, and preparing a
 * 100-row insert costs more than running it. One connection and Kysely's mutex mean a statement
 * is never used by two queries at once. Least-recently-used statements are dropped past `size`.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, size = 256) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sqlText: string) => {
      // SQLite ends the transaction itself on some errors (SQLITE_FULL among them); Kysely's ROLLBACK
      // would then throw "no transaction is active" and hide the real error from the log and the answer.
      if (sqlText === 'rollback' && !sqlite.inTransaction) return sqlite.prepare('select 1 where 0');
      let statement = cache.get(sqlText);
      if (statement) cache.delete(sqlText);
      else statement = sqlite.prepare(sqlText);
      cache.set(sqlText, statement);
      if (cache.size > size) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
  };
}
