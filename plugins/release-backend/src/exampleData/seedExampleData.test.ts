import { startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('example data on %p', databaseId => {
  it('fills an empty database once, with releases in several states', async () => {
    const knex = await databases.init(databaseId);
    const config = { release: { exampleData: true } };
    const api = await startReleaseBackend(knex, { config });
    const list = (await api.get('/api/release/releases').expect(200)).body;
    expect(list.countsByStatus).toEqual({
      registered: 1,
      planning: 1,
      authorized: 1,
      deployment: 1,
      suspended: 1,
      closed: 2,
    });
    const planning = list.items.find((r: any) => r.status === 'planning');
    expect(planning.currentActivity).toMatchObject({
      title: 'Scope the release',
    });

    const again = await startReleaseBackend(knex, { config });
    const after = (
      await again.get('/api/release/releases?status=closed').expect(200)
    ).body;
    expect(after.totalCount).toBe(2);
    expect(
      (await again.get('/api/release/portfolios')).body.items,
    ).toHaveLength(1);
  });
});
