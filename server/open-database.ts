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

export type OpenDatabaseOptions = { searchPath?: string; logger?: Logger };

export function openDatabase(config: DatabaseConfig, pgOptions: OpenDatabaseOptions = {}): Db {
  if (config.kind === 'postgres') {
    const logger = pgOptions.logger ?? createLogger('warn');
    const pool = new pg.Pool({
      ...pgHostOptions(config.url, (to, why) => logger.warn('database host switched', { to, why })),
      max: config.poolSize,
      // A database that cannot be reached fails the request (503) instead of queueing it forever.
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      // Sequences and millisecond times fit in 2^53; parsing them keeps one row type for both dialects.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID
            ? (v: string) => Number(v)
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
      ...(pgOptions.searchPath ? { options: `-c search_path=${pgOptions.searchPath}` } : {}),
    });
    watchConnections(pool, logger);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
  }
  if (config.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(config.file)), { recursive: true });
  const sqlite = new SqliteDatabase(config.file);
  sqlite.pragma('journal_mode = WAL');
  // FULL syncs the WAL on every commit, so a push the device was told is stored survives a power cut.
  // NORMAL is faster but may lose the last commits; devices then find the server behind their cursor and
  // send again (docs/deployment.md weighs the two with bench:sync figures).
  sqlite.pragma(`synchronous = ${config.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}

/**
 * PostgreSQL ends connections on a restart, a failover, `pg_terminate_backend` or a pooler's idle timeout.
 * node-postgres emits that as an 'error' event, on the pool for an idle connection and on the client for
 * one a request holds; with no listener Node stops the whole process. Listening is enough: the pool
 * discards the broken connection and opens a new one for the next query, and the query that was running
 * fails with an error the app answers as 503. Only the code and message are logged: the connection string
 * (and its password) never is.
 */
function watchConnections(pool: pg.Pool, logger: Logger): void {
  const report = (error: Error & { code?: string }) =>
    logger.warn('database connection lost', { code: error.code ?? null, error: error.message });
  pool.on('error', report);
  pool.on('connect', (client) => {
    client.on('error', report);
  });
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
