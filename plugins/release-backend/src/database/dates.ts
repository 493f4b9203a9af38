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
