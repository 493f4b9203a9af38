import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  RELEASE_STATUSES,
  releaseReadPermission,
} from '@internal/plugin-release-common';
import { collate, startSearchBackend } from '../__testUtils__/searchBackend';
import { ReleaseApi } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { readReleaseEntries } from './readReleaseEntries';
import { ReleaseCollatorFactory } from './ReleaseCollatorFactory';
import { IndexableReleaseDocument } from './releaseDocument';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the release search collator on %p',
  databaseId => {
    let api: ReleaseApi;
    let search: Awaited<ReturnType<typeof startSearchBackend>>['search'];
    let cancelledId: string;

    beforeAll(async () => {
      ({ api, search, cancelledId } = await startSearchBackend(
        await databases.init(databaseId),
      ));
    });

    /** Every release as the release API shows it, in number order. */
    async function allReleases() {
      const statuses = RELEASE_STATUSES.map(s => `status=${s}`).join('&');
      const { body } = await api
        .get(`/api/release/releases?${statuses}&orderBy=number&order=asc`)
        .expect(200);
      return Promise.all(
        body.items.map(
          async (item: { id: string }) =>
            (await api.get(`/api/release/releases/${item.id}`).expect(200))
              .body,
        ),
      );
    }

    it('is registered with the search index as documents of type release, checked against release.read', () => {
      expect(search.collators).toHaveLength(1);
      const [{ factory }] = search.collators;
      expect(factory.type).toBe('release');
      expect(factory.visibilityPermission).toBe(releaseReadPermission);
      expect(isResourcePermission(releaseReadPermission, 'release')).toBe(true);
    });

    it('collates every release, open, closed and cancelled, with its number, state, CIs, page and permission ref', async () => {
      const documents = await collate<IndexableReleaseDocument>(
        search.collators[0].factory,
      );
      const releases = await allReleases();
      expect(releases).toHaveLength(11);
      const portfolioNames = new Map<string, string>(
        (await api.get('/api/release/portfolios').expect(200)).body.items.map(
          (p: { id: string; name: string }) => [p.id, p.name],
        ),
      );

      expect(documents).toEqual(
        releases.map(release => ({
          title: `${release.number} ${release.title}`,
          text: [release.description, release.businessJustification]
            .filter(Boolean)
            .join('\n\n'),
          location: `/release/releases/${release.id}`,
          number: release.number,
          status: release.status,
          type: release.type,
          priority: release.priority,
          plannedStart: release.plannedStart,
          plannedEnd: release.plannedEnd,
          closedAt: release.closedAt,
          portfolioName: portfolioNames.get(release.portfolioId) ?? null,
          entityRefs: release.relations
            .filter((relation: { kind: string }) => relation.kind === 'ci')
            .map((relation: { entityRef: string }) => relation.entityRef)
            .sort(),
          authorization: { resourceRef: release.id },
        })),
      );
      expect(new Set(documents.map(d => d.status))).toEqual(
        new Set([
          'registered',
          'planning',
          'awaiting-approval',
          'authorized',
          'deployment',
          'suspended',
          'closed',
          'cancelled',
        ]),
      );

      const closedRelease = releases.find(
        r => r.title === 'Reporting dashboard redesign',
      );
      expect(
        documents.find(d => d.authorization.resourceRef === closedRelease.id),
      ).toEqual({
        title: `${closedRelease.number} Reporting dashboard redesign`,
        text: 'Example release: Reporting dashboard redesign.\n\nPart of the quarterly roadmap',
        location: `/release/releases/${closedRelease.id}`,
        number: expect.stringMatching(/^REL-\d{6}$/),
        status: 'closed',
        type: 'minor',
        priority: expect.any(Number),
        plannedStart: expect.any(String),
        plannedEnd: expect.any(String),
        closedAt: expect.any(String),
        portfolioName: 'Digital commerce',
        entityRefs: ['component:default/reporting-dashboard'],
        authorization: { resourceRef: closedRelease.id },
      });
      expect(
        documents.find(d =>
          d.title.endsWith(' Orders service 2.4: split payments'),
        )?.entityRefs,
      ).toEqual([
        'component:default/orders-service',
        'resource:default/orders-db',
      ]);
      expect(
        documents.find(d => d.authorization.resourceRef === cancelledId),
      ).toMatchObject({
        status: 'cancelled',
        type: 'major',
        text: 'Nightly stock sync with the warehouse\n\nFewer oversold items',
        portfolioName: null,
        plannedStart: null,
        entityRefs: ['component:default/orders-service'],
      });
    });

    it('reads the releases page by page, asking for the next page only when the last is used up', async () => {
      const { discovery, auth } = search.services;
      const fetchSpy = jest.spyOn(global, 'fetch');
      try {
        const pages = readReleaseEntries({ discovery, auth, pageSize: 4 });
        const first = await pages.next();
        expect(first.value).toHaveLength(4);
        expect(fetchSpy).toHaveBeenCalledTimes(1);
        const rest = [];
        for await (const page of pages) rest.push(page.length);
        expect(rest).toEqual([4, 3]);
        expect(fetchSpy).toHaveBeenCalledTimes(3);
      } finally {
        fetchSpy.mockRestore();
      }

      // Small pages give the same documents as one large page.
      const paged = await collate(
        new ReleaseCollatorFactory({ discovery, auth, pageSize: 2 }),
      );
      expect(paged).toHaveLength(11);
      expect(paged).toEqual(await collate(search.collators[0].factory));
    });
  },
);
