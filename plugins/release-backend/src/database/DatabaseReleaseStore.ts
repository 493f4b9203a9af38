import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from './migrations';
import { ReleaseStore } from './ReleaseStore';

/**
 * The release store on the database that `coreServices.database` provides
 * (SQLite or PostgreSQL).
 *
 * @internal
 */
export class DatabaseReleaseStore implements ReleaseStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseReleaseStore> {
    const client = await options.database.getClient();
    await applyDatabaseMigrations(options.database, client);
    return new DatabaseReleaseStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async isReachable(): Promise<boolean> {
    try {
      await this.db.raw('select 1');
      return true;
    } catch {
      return false;
    }
  }
}
