import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-release-backend',
  'migrations',
);

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
  await client.migrate.latest({ directory: migrationsDir });
}

/** @internal */
export async function rollbackDatabaseMigrations(client: Knex): Promise<void> {
  await client.migrate.rollback({ directory: migrationsDir }, true);
}
