import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  applyDatabaseMigrations,
  rollbackDatabaseMigrations,
} from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const tables = [
  'releases',
  'release_counters',
  'release_history',
  'release_portfolios',
  'release_models',
  'release_activities',
  'release_ci_relations',
  'release_external_relations',
  'release_media',
  'release_justifications',
];

async function migrate(knex: Knex) {
  await applyDatabaseMigrations({ getClient: async () => knex }, knex);
}

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('creates the release tables with a numbering counter at zero', async () => {
    const knex = await databases.init(databaseId);
    await migrate(knex);

    for (const table of tables) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
    expect(await knex('release_counters').select('name', 'value')).toEqual([
      { name: 'release_number', value: 0 },
    ]);
    expect(await knex('release_justifications').pluck('name')).toContain(
      'Change freeze',
    );
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
    await knex('release_activities').insert({
      id: '6f1c1d1e-0000-4000-8000-000000000002',
      release_id: '6f1c1d1e-0000-4000-8000-000000000001',
      phase: 'planning',
      position: 0,
      title: 'Rollback plan',
      created_at: now,
      updated_at: now,
    });
    await knex('release_history').insert({
      release_id: '6f1c1d1e-0000-4000-8000-000000000001',
      at: now,
      actor: 'user:default/guest',
      kind: 'created',
    });
    await migrate(knex);
    expect(await knex('releases').pluck('title')).toEqual(['Payments 2.4']);
    expect(await knex('release_activities').pluck('title')).toEqual([
      'Rollback plan',
    ]);

    await rollbackDatabaseMigrations(knex);
    for (const table of tables) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }
  });
});
