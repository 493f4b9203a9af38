import { Knex } from 'knex';

/**
 * Timestamps come back as Date from PostgreSQL and as epoch milliseconds from
 * SQLite (Knex binds Date objects as numbers there); the API speaks ISO 8601.
 */
export function toIso(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (typeof value === 'number') {
    return new Date(value).toISOString();
  }
  const text = String(value);
  // SQLite may hand back numbers as strings
  if (/^\d+$/.test(text)) {
    return new Date(Number(text)).toISOString();
  }
  return new Date(text).toISOString();
}

/** Always bind Date objects, so both databases compare like with like. */
export function toDate(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}

/**
 * A timestamp column selected as epoch milliseconds, for reads of many rows
 * that only compute with their times. node-postgres parses each timestamp
 * into a Date, which costs ten times a plain number's parse: a year of a
 * domain's releases holds 80,000 of them (docs/metrics.md#speed). SQLite
 * holds epoch milliseconds already.
 */
export function epochMillisOf(
  db: Knex,
  column: string,
  alias: string,
): Knex.Raw {
  if (db.client.config.client === 'pg') {
    return db.raw('floor(extract(epoch from ??) * 1000)::float8 as ??', [
      column,
      alias,
    ]);
  }
  return db.raw('?? as ??', [column, alias]);
}
