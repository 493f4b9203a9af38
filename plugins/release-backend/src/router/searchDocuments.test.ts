import {
  ana,
  outsider,
  startSearchBackend,
  tokenOf,
} from '../__testUtils__/searchBackend';
import { ReleaseApi } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'GET /search/documents on %p',
  databaseId => {
    let api: ReleaseApi;

    beforeAll(async () => {
      ({ api } = await startSearchBackend(await databases.init(databaseId)));
    });

    it('pages by release number, stable while releases are registered', async () => {
      const first = (
        await api.get('/api/release/search/documents?limit=4').expect(200)
      ).body;
      expect(first.items).toHaveLength(4);
      expect(first.nextCursor).toEqual(expect.any(String));
      expect(first.items[0]).toEqual({
        id: expect.any(String),
        number: expect.stringMatching(/^REL-\d{6}$/),
        title: expect.any(String),
        description: expect.any(String),
        businessJustification: 'Part of the quarterly roadmap',
        status: expect.any(String),
        type: 'minor',
        priority: expect.any(Number),
        plannedStart: expect.any(String),
        plannedEnd: expect.any(String),
        closedAt: null,
        portfolioName: 'Digital commerce',
        entityRefs: expect.any(Array),
      });

      const late = (
        await api
          .post('/api/release/releases')
          .send({ title: 'Registered during the scan', type: 'minor' })
          .expect(201)
      ).body;

      const numbers: string[] = first.items.map(
        (item: { number: string }) => item.number,
      );
      let cursor: string | null = first.nextCursor;
      while (cursor) {
        const page = (
          await api
            .get(`/api/release/search/documents?limit=4&after=${cursor}`)
            .expect(200)
        ).body;
        numbers.push(
          ...page.items.map((item: { number: string }) => item.number),
        );
        cursor = page.nextCursor;
      }
      expect(numbers).toHaveLength(12);
      expect([...numbers].sort()).toEqual(numbers);
      expect(new Set(numbers).size).toBe(12);
      expect(numbers[numbers.length - 1]).toBe(late.number);
    });

    it('answers 400 naming the wrong field', async () => {
      const cases: Array<[string, string]> = [
        ['limit=0', 'limit:'],
        ['limit=5000', 'limit:'],
        [
          'after=REL-000001',
          'after: must be the nextCursor of the previous page',
        ],
        ['orderBy=title', 'orderBy: unknown field'],
      ];
      for (const [query, message] of cases) {
        const { body } = await api
          .get(`/api/release/search/documents?${query}`)
          .expect(400);
        expect(body.error.message).toContain(message);
      }
    });

    it('lists only the releases the caller may read, filtered in SQL', async () => {
      const asAna = (
        await api
          .get('/api/release/search/documents')
          .set('authorization', tokenOf(ana))
          .expect(200)
      ).body;
      expect(
        asAna.items.map((item: { title: string }) => item.title).sort(),
      ).toEqual([
        'Orders service 2.4: split payments',
        'Reporting dashboard redesign',
        'Warehouse sync 1.2',
      ]);
      expect(asAna.nextCursor).toBeNull();

      const asOutsider = (
        await api
          .get('/api/release/search/documents')
          .set('authorization', tokenOf(outsider))
          .expect(200)
      ).body;
      expect(asOutsider).toEqual({ items: [], nextCursor: null });
    });
  },
);
