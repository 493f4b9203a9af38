import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  applyDatabaseMigrations,
  rollbackDatabaseMigrations,
} from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();

async function migrate(knex: Knex) {
  await applyDatabaseMigrations({ getClient: async () => knex }, knex);
}

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('creates the release tables with a numbering counter at zero', async () => {
    const knex = await databases.init(databaseId);
    await migrate(knex);

    expect(await knex.schema.hasTable('releases')).toBe(true);
    expect(await knex.schema.hasTable('release_history')).toBe(true);
    expect(await knex('release_counters').select('name', 'value')).toEqual([
      { name: 'release_number', value: 0 },
    ]);
  });

  it('keeps rows across a re-run and removes every table on rollback', async () => {
    const knex = await databases.init(databaseId);
    await migrate(knex);
    const now = new Date();
    await knex('releases').insert({
      id: '6f1c1d1e-0000-4000-8000-000000000001',
      number: 1,
      title: 'Payments 2.4',
      type: 'minor',
      impact: 'medium',
      urgency: 'low',
      priority: 4,
      risk: 'low',
      requester: 'user:default/guest',
      status: 'registered',
      created_by: 'user:default/guest',
      created_at: now,
      updated_at: now,
    });
    await migrate(knex);
    expect(await knex('releases').pluck('title')).toEqual(['Payments 2.4']);

    await rollbackDatabaseMigrations(knex);
    expect(await knex.schema.hasTable('releases')).toBe(false);
    expect(await knex.schema.hasTable('release_history')).toBe(false);
    expect(await knex.schema.hasTable('release_counters')).toBe(false);
  });
});
