// "Download my data": everything the server holds about a learner, read in one transaction so the copy is
// consistent. Times stored as epoch milliseconds are given as ISO dates; secrets (password and token
// hashes, push keys) are left out and said to be.
import { sql } from 'kysely';
import { MY_DATA_FORMAT, type MyData } from '../../src/shared/protocol/my-data-protocol';
import type { Db } from '../open-database';
import { learnerActsIn, learnerKeyedRows, learnerTables } from './learner-tables';

type Row = Record<string, unknown>;

/** Columns ending `_at` (and the rate limits' window times) hold epoch milliseconds. */
const TIME_COLUMNS = /(_at|^until|^window_start|^blocked_until)$/;

function readable(row: Row, secret: readonly string[], json: readonly string[]): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (secret.includes(key)) continue;
    if (json.includes(key) && typeof value === 'string') out[key] = JSON.parse(value);
    else if (TIME_COLUMNS.test(key) && (typeof value === 'number' || typeof value === 'bigint'))
      out[key] = Number(value) > 0 ? new Date(Number(value)).toISOString() : null;
    else out[key] = typeof value === 'bigint' ? Number(value) : value;
  }
  return out;
}

export async function exportLearner(db: Db, learnerId: string, now: number): Promise<MyData | undefined> {
  return db.kysely.transaction().execute(async (trx) => {
    const learner = await trx
      .selectFrom('learners')
      .select(['id', 'email', 'name', 'created_at'])
      .where('id', '=', learnerId)
      .executeTakeFirst();
    if (!learner) return undefined;
    const tables: MyData['tables'] = {};
    for (const [table, spec] of Object.entries(learnerTables)) {
      const { rows } = await sql<Row>`select * from ${sql.table(table)} where ${sql.ref(spec.column)} = ${
        learner.id
      }`.execute(trx);
      const secret = 'secret' in spec ? spec.secret : [];
      const json = 'json' in spec ? spec.json : [];
      tables[table] = rows.map((row) => readable(row, [spec.column, ...secret], json));
    }
    for (const [table, spec] of Object.entries(learnerActsIn)) {
      const { rows } = await sql<Row>`select * from ${sql.table(table)} where ${sql.ref(spec.column)} = ${
        learner.id
      }`.execute(trx);
      tables[spec.exportAs] = rows.map((row) => readable(row, [spec.column, ...spec.secret], []));
    }
    for (const [table, theirs] of Object.entries(learnerKeyedRows(learner))) {
      const { rows } = await sql<Row>`select * from ${sql.table(table)} where ${theirs}`.execute(trx);
      tables[table] = rows.map((row) => readable(row, [], []));
    }
    return {
      format: MY_DATA_FORMAT,
      version: 1 as const,
      exportedAt: new Date(now).toISOString(),
      account: {
        id: learner.id,
        email: learner.email,
        name: learner.name,
        createdAt: new Date(Number(learner.created_at)).toISOString(),
      },
      tables,
    };
  });
}
