import { Knex } from 'knex';

/** Bind variables per statement: far below SQLite's and PostgreSQL's limits. */
const VARIABLES_PER_STATEMENT = 10_000;
/** Rows per statement: SQLite inserts them as a compound select of at most 500. */
const ROWS_PER_STATEMENT = 250;

/**
 * Inserts many rows with few statements, each small enough for every
 * database's limit on bind variables.
 */
export async function insertInChunks(
  db: Knex,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).length;
  const size = Math.max(
    1,
    Math.min(ROWS_PER_STATEMENT, Math.floor(VARIABLES_PER_STATEMENT / columns)),
  );
  for (let i = 0; i < rows.length; i += size) {
    await db(table).insert(rows.slice(i, i + size));
  }
}
