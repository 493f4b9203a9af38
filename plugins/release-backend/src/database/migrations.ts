import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-release-backend',
  'migrations',
);

/** Any fixed number, the same on every replica of this plugin. */
const MIGRATION_LOCK_KEY = 7417200001;

/**
 * Brings the plugin's tables up to date, unless the deployment manages
 * migrations itself (`backend.database.plugin.release.skipMigrations`).
 *
 * @internal
 */
export async function applyDatabaseMigrations(
  database: DatabaseService,
  client: Knex,
): Promise<void> {
  if (database.migrations?.skip) {
    return;
  }
  if (client.client.config.client === 'pg') {
    // Replicas starting together would race to create knex's own tables
    // before its lock exists; a transaction-scoped advisory lock makes them
    // take turns, and the later ones find nothing left to do.
    await client.transaction(async tx => {
      await tx.raw('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
      await client.migrate.latest({ directory: migrationsDir });
    });
    return;
  }
  await client.migrate.latest({ directory: migrationsDir });
}

/** @internal */
export async function rollbackDatabaseMigrations(client: Knex): Promise<void> {
  await client.migrate.rollback({ directory: migrationsDir }, true);
}
