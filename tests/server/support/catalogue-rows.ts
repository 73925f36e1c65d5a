// Every table and column of the test database, read from the database's own catalogue (sqlite_master and
// pragma_table_info on SQLite, information_schema on PostgreSQL), so a table added by a later migration is
// covered without anyone listing it here.
import { sql } from 'kysely';
import type { Db } from '../../../server/open-database';

export type CatalogueTable = { name: string; columns: string[] };

export async function catalogueTables(db: Db): Promise<CatalogueTable[]> {
  if (db.dialect === 'sqlite') {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select m.name as table_name, c.name as column_name
      from sqlite_master m join pragma_table_info(m.name) c
      where m.type = 'table' and m.name not like 'sqlite_%'`.execute(db.kysely);
    return group(rows);
  }
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema()`.execute(db.kysely);
  return group(rows);
}

function group(rows: { table_name: string; column_name: string }[]): CatalogueTable[] {
  const tables = new Map<string, string[]>();
  for (const { table_name, column_name } of rows) {
    tables.set(table_name, [...(tables.get(table_name) ?? []), column_name]);
  }
  return [...tables]
    .map(([name, columns]) => ({ name, columns }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Rows in every table, by table name. */
export async function countEveryTable(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name } of await catalogueTables(db)) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(
      db.kysely,
    );
    counts[name] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/**
 * Rows anywhere in the database with a column (of any type, read as text) that holds one of `needles`:
 * `table.column: value` for each. Finds a learner's id or email however a table names its column.
 */
export async function rowsMentioning(db: Db, needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const { name, columns } of await catalogueTables(db)) {
    for (const column of columns) {
      for (const needle of needles) {
        const sqlite = db.dialect === 'sqlite';
        const asText = sqlite ? sql`cast(${sql.ref(column)} as text)` : sql`${sql.ref(column)}::text`;
        const holds = sqlite ? sql`instr(${asText}, ${needle}) > 0` : sql`strpos(${asText}, ${needle}) > 0`;
        const { rows } = await sql<{
          v: string;
        }>`select ${asText} as v from ${sql.table(name)} where ${holds}`.execute(db.kysely);
        for (const row of rows) found.push(`${name}.${column}: ${String(row.v).slice(0, 80)}`);
      }
    }
  }
  return found;
}
