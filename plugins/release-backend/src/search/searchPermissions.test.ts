import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isResourcePermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  LunrSearchEngine,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import {
  ana,
  bruno,
  outsider,
  startSearchBackend,
} from '../__testUtils__/searchBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'release search results per reader on %p',
  databaseId => {
    it('shows a reader only the releases the permission framework lets them read', async () => {
      const { search } = await startSearchBackend(
        await databases.init(databaseId),
      );
      const [{ factory }] = search.collators;
      const engine = new LunrSearchEngine({
        logger: mockServices.logger.mock(),
      });
      const { error } = await TestPipeline.fromCollator(
        await factory.getCollator(),
      )
        .withIndexer(await engine.getIndexer(factory.type))
        .execute();
      expect(error).toBeUndefined();

      // What the search backend's AuthorizedSearchEngine does with a query
      // (@backstage/plugin-search-backend, not a dependency of this package):
      // the type's visibility permission decides for every result at once
      // when it is ALLOW or DENY; when it is CONDITIONAL each result is
      // authorized by its resourceRef, which the permission framework
      // resolves at the release plugin's apply-conditions endpoint.
      const { permissions } = search.services;
      const visibility = factory.visibilityPermission;
      if (!visibility || !isResourcePermission(visibility, 'release')) {
        throw new Error('release.read is a release resource permission');
      }
      const permission: ResourcePermission<'release'> = visibility;
      async function searchAs(credentials: BackstageCredentials, term: string) {
        const { results } = await engine.query({ term, types: ['release'] });
        const [typeDecision] = await permissions.authorizeConditional(
          [{ permission }],
          { credentials },
        );
        if (typeDecision.result === AuthorizeResult.DENY) return [];
        const decisions =
          typeDecision.result === AuthorizeResult.ALLOW
            ? results.map(() => typeDecision)
            : await permissions.authorize(
                results.map(result => ({
                  permission,
                  resourceRef: result.document.authorization!.resourceRef,
                })),
                { credentials },
              );
        return results
          .filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW)
          .map(result => result.document.title.replace(/^REL-\d+ /, ''))
          .sort();
      }

      // Anyone allowed to read every release finds both.
      expect(await searchAs(mockCredentials.user(), 'warehouse')).toEqual([
        'Warehouse labels redesign',
        'Warehouse sync 1.2',
      ]);
      // Ana reads only the releases she manages: the conditional decision
      // is resolved per release.
      expect(await searchAs(mockCredentials.user(ana), 'warehouse')).toEqual([
        'Warehouse sync 1.2',
      ]);
      expect(await searchAs(mockCredentials.user(ana), 'dashboard')).toEqual([
        'Reporting dashboard redesign',
      ]);
      expect(await searchAs(mockCredentials.user(ana), 'gateway')).toEqual([]);
      expect(await searchAs(mockCredentials.user(bruno), 'gateway')).toEqual([
        'Payment gateway 5.1: new acquirer',
        'Reporting dashboard: shared links through the API gateway',
      ]);
      // Denied release.read: no release at all.
      expect(
        await searchAs(mockCredentials.user(outsider), 'warehouse'),
      ).toEqual([]);
    });
  },
);
