import { startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('example data on %p', databaseId => {
  it('fills an empty database once: current releases in several states and a year of finished ones', async () => {
    const knex = await databases.init(databaseId);
    const config = { release: { exampleData: true } };
    const api = await startReleaseBackend(knex, { config });
    const list = (await api.get('/api/release/releases').expect(200)).body;
    const { closed, cancelled, ...current } = list.countsByStatus;
    expect(current).toEqual({
      registered: 1,
      planning: 1,
      authorized: 1,
      deployment: 1,
      suspended: 1,
      // The reviewed model's two (exampleApprovalRounds.ts).
      'awaiting-approval': 2,
    });
    expect(closed).toBeGreaterThan(150);
    expect(cancelled).toBeGreaterThan(0);
    const planning = list.items.find((r: any) => r.status === 'planning');
    expect(planning.currentActivity).toMatchObject({
      title: 'Scope the release',
    });
    const total = closed + cancelled + 7;

    // The entity pages list the history through the impact index: a
    // system shows its components' releases.
    const analytics = (
      await api
        .get('/api/release/releases')
        .query({
          entityRef: 'system:default/analytics',
          includeImpacted: 'true',
          status: 'closed',
        })
        .expect(200)
    ).body;
    expect(analytics.totalCount).toBeGreaterThan(10);
    expect(analytics.items[0].touch).toMatchObject({
      kind: 'impacted',
      distance: 1,
    });

    // A later registration takes the next number.
    const registered = await api
      .post('/api/release/releases')
      .send({ title: 'After the example data', type: 'minor' })
      .expect(201);
    expect(registered.body.number).toBe(
      `REL-${String(total + 1).padStart(6, '0')}`,
    );

    const again = await startReleaseBackend(knex, { config });
    const after = (await again.get('/api/release/releases').expect(200)).body;
    const counts = Object.values(after.countsByStatus) as number[];
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(total + 1);
    expect(
      (await again.get('/api/release/portfolios')).body.items,
    ).toHaveLength(2);
  });
});
