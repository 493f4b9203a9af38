import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { ReleaseApi, startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

/** Closed releases written straight to the table: a volume the API would take minutes to build. */
async function insertClosed(knex: Knex, count: number, title: string) {
  const [{ max }] = await knex('releases').max({ max: 'number' });
  const first = Number(max ?? 0) + 1;
  const rows = Array.from({ length: count }, (_, i) => {
    const closedAt = new Date(Date.UTC(2026, 0, 1) + (first + i) * 60_000);
    return {
      id: randomUUID(),
      number: first + i,
      title: `${title} ${i}`,
      description: '',
      type: 'minor',
      impact: 'low',
      urgency: 'low',
      priority: 5,
      risk: 'low',
      requester: 'user:default/ann',
      status: 'closed',
      outcome: 'successful',
      created_by: 'user:default/ann',
      created_at: closedAt,
      updated_at: closedAt,
      closed_at: closedAt,
    };
  });
  for (let i = 0; i < rows.length; i += 100) {
    await knex('releases').insert(rows.slice(i, i + 100));
  }
}

describe.each(databases.eachSupportedId())(
  'counting the matches of the closed-release search on %p',
  databaseId => {
    let api: ReleaseApi;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      api = await startReleaseBackend(knex);
      await insertClosed(knex, 1010, 'Bulk rollout');
      await insertClosed(knex, 7, 'Rare fix');
    });

    const search = async (query: string) =>
      (await api.get(`/api/release/search/closed?${query}`).expect(200)).body;

    it('counts a narrow search exactly', async () => {
      const result = await search('q=rare%20fix&limit=5');
      expect(result.totalCount).toBe(7);
      expect(result.totalCountCapped).toBe(false);
      expect(result.items.map((r: any) => r.title)).toEqual([
        'Rare fix 6',
        'Rare fix 5',
        'Rare fix 4',
        'Rare fix 3',
        'Rare fix 2',
      ]);
    });

    it('stops counting a broad search at 1,000 past the page asked for', async () => {
      const first = await search('q=bulk&limit=10');
      expect(first.totalCount).toBe(1000);
      expect(first.totalCountCapped).toBe(true);
      expect(first.items[0].title).toBe('Bulk rollout 1009');

      const further = await search('q=bulk&limit=10&offset=500');
      expect(further.totalCount).toBe(1010);
      expect(further.totalCountCapped).toBe(false);
      expect(further.items[0].title).toBe('Bulk rollout 509');

      const everything = await search('limit=1');
      expect(everything).toMatchObject({
        totalCount: 1000,
        totalCountCapped: true,
      });
    });
  },
);
