import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

const postgresVariable =
  /^BACKSTAGE_TEST_DATABASE_(POSTGRES\d+)_CONNECTION_STRING$/;

/**
 * The databases the backend tests run on: SQLite always, and every PostgreSQL
 * whose connection string is in the environment (the repository's test
 * script sets one). Without one the run says so loudly, and fails when
 * `RELEASE_TEST_REQUIRE_POSTGRES` is set, as in CI.
 */
export function createTestDatabases(): TestDatabases {
  const postgresIds = Object.keys(process.env)
    .map(name => postgresVariable.exec(name)?.[1])
    .filter((id): id is string => Boolean(id))
    .map(id => id.replace(/^POSTGRES/, 'POSTGRES_') as TestDatabaseId);

  if (postgresIds.length === 0) {
    const message =
      'NO POSTGRESQL CONFIGURED: release-backend database tests run on SQLite only. ' +
      'Set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (make test does).';
    if (process.env.RELEASE_TEST_REQUIRE_POSTGRES) {
      throw new Error(message);
    }
    // eslint-disable-next-line no-console
    console.warn(`\n${'!'.repeat(80)}\n${message}\n${'!'.repeat(80)}\n`);
  }

  return TestDatabases.create({ ids: [...postgresIds, 'SQLITE_3'] });
}
