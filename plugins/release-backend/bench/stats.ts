import knexFactory from 'knex';

/** The p-th percentile of values already sorted ascending; NaN when none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

/** The p-th percentile of values in any order. */
export function percentileOf(values: number[], p: number): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    p,
  );
}

/** Drops every database on the server whose name starts with `prefix`. */
export async function dropDatabases(postgresUrl: string, prefix: string) {
  const admin = knexFactory({ client: 'pg', connection: postgresUrl });
  try {
    const { rows } = await admin.raw(
      'select datname from pg_database where datname like ?',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await admin.raw(`drop database "${datname}" with (force)`);
    }
  } finally {
    await admin.destroy();
  }
}
