import { Entity } from '@backstage/catalog-model';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  appTreeApiRef,
  PageBlueprint,
  useApi,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import { ReleaseSearchDocument } from '@internal/plugin-release-common';
import { screen, within } from '@testing-library/react';
import { releaseApiRef } from './api';
import { rootRouteRef } from './routes';
import releasePlugin, {
  calendarSubPage,
  closedSearchSubPage,
  deliverySubPage,
  entityReleaseDeliveryCard,
  entityReleasesCard,
  entityReleasesContent,
  justificationsSubPage,
  portfoliosSubPage,
  releaseDesktopSubPage,
  releasePage,
  releaseApi,
  releaseSearchResultListItem,
} from './alpha';
import { checkoutService } from './__testUtils__/entityPage';
import { aDeliveryMetrics } from './__testUtils__/deliveryFixtures';
import { aListItem } from './__testUtils__/releaseFixtures';

function anEntity(kind: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'some-entity', namespace: 'default' },
  };
}

/** Lists the ids of the release plugin's extensions in the running app. */
const ReleaseExtensionIds = () => {
  const { tree } = useApi(appTreeApiRef).getTree();
  const ids = [...tree.nodes.values()]
    .filter(node => node.spec.plugin.pluginId === 'release')
    .map(node => {
      const parent = node.edges.attachedTo?.node.spec.id;
      return `${node.spec.id} → ${parent ?? 'not attached'}`;
    });
  return (
    <ul aria-label="Release extensions">
      {ids.map(id => (
        <li key={id}>{id}</li>
      ))}
    </ul>
  );
};

describe('the release plugin in the new frontend system', () => {
  it('installs exactly the extensions the README lists', async () => {
    renderTestApp({
      features: [releasePlugin],
      extensions: [
        PageBlueprint.make({
          name: 'extension-ids',
          params: {
            path: '/extension-ids',
            noHeader: true,
            loader: async () => <ReleaseExtensionIds />,
          },
        }),
      ],
      initialRouteEntries: ['/extension-ids'],
    });

    const list = await screen.findByRole(
      'list',
      { name: 'Release extensions' },
      { timeout: 10_000 },
    );
    const items = within(list)
      .getAllByRole('listitem')
      .map(item => item.textContent);
    // Each extension, and where the app attaches it: the tabs to the page,
    // the entity and search extensions to plugins this test app lacks.
    expect(items.sort()).toEqual([
      'api:release → root',
      'entity-card:release/delivery → not attached',
      'entity-card:release/releases → not attached',
      'entity-content:release/releases → not attached',
      'page:release → app/routes',
      'search-result-list-item:release → not attached',
      'sub-page:release/calendar → page:release',
      'sub-page:release/delivery → page:release',
      'sub-page:release/desktop → page:release',
      'sub-page:release/justifications → page:release',
      'sub-page:release/portfolios → page:release',
      'sub-page:release/search → page:release',
    ]);
  }, 30_000);

  it('has the extension ids the README names, for app-config overrides', () => {
    // getExtension only takes ids the plugin has; it returns the extension
    // bound to the plugin's namespace.
    const bound = (extension: object) => ({
      ...extension,
      namespace: 'release',
    });
    expect(releasePlugin.getExtension('api:release')).toEqual(
      bound(releaseApi),
    );
    expect(releasePlugin.getExtension('page:release')).toEqual(
      bound(releasePage),
    );
    expect(
      releasePlugin.getExtension('entity-content:release/releases'),
    ).toEqual(bound(entityReleasesContent));
    expect(releasePlugin.getExtension('entity-card:release/releases')).toEqual(
      bound(entityReleasesCard),
    );
    expect(releasePlugin.getExtension('entity-card:release/delivery')).toEqual(
      bound(entityReleaseDeliveryCard),
    );
    expect(releasePlugin.getExtension('sub-page:release/delivery')).toEqual(
      bound(deliverySubPage),
    );
    expect(
      releasePlugin.getExtension('search-result-list-item:release'),
    ).toEqual(bound(releaseSearchResultListItem));
    expect(releasePlugin.getExtension('sub-page:release/desktop')).toEqual(
      bound(releaseDesktopSubPage),
    );
    expect(releasePlugin.getExtension('sub-page:release/search')).toEqual(
      bound(closedSearchSubPage),
    );
    expect(releasePlugin.getExtension('sub-page:release/portfolios')).toEqual(
      bound(portfoliosSubPage),
    );
    expect(releasePlugin.getExtension('sub-page:release/calendar')).toEqual(
      bound(calendarSubPage),
    );
    expect(
      releasePlugin.getExtension('sub-page:release/justifications'),
    ).toEqual(bound(justificationsSubPage));
  });

  it('serves the release desktop at /release', async () => {
    const listReleases = jest.fn().mockResolvedValue({
      items: [aListItem()],
      totalCount: 1,
      countsByStatus: { executed: 1 },
    });
    renderTestApp({
      features: [releasePlugin],
      initialRouteEntries: ['/release'],
      apis: [
        [
          releaseApiRef,
          {
            listReleases,
            getBreakdown: jest.fn().mockResolvedValue({
              byStatus: { executed: 1 },
              byPriority: { '2': 1 },
              byExecutorGroup: [],
            }),
            listPortfolios: async () => [],
          },
        ],
        mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
      ],
    });

    // The page and its tab load lazily inside a whole app: give them time.
    const table = await screen.findByRole(
      'table',
      { name: 'Releases' },
      { timeout: 10_000 },
    );
    const row = within(table).getByText('REL-000042').closest('tr')!;
    expect(within(row).getByText('Orders service 2.4')).toBeInTheDocument();
    // The legacy route refs resolve in the new app: rows link to the release.
    expect(
      within(row).getByRole('link', { name: 'REL-000042' }),
    ).toHaveAttribute('href', `/release/releases/${aListItem().id}`);
    // The page's title and icon give the app's navigation its entry.
    const sidebar = screen.getByRole('navigation', { name: 'sidebar nav' });
    expect(
      within(sidebar).getByRole('link', { name: /^Releases$/ }),
    ).toHaveAttribute('href', '/release');
    // More than jest's 5 s: under a full parallel run the app shell and the
    // lazy page alone can take that long.
  }, 30_000);

  it('offers the Releases tab on components, APIs, resources, systems and domains only', () => {
    const tester = createExtensionTester(entityReleasesContent);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Releases');
    const accepts = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;

    for (const kind of ['Component', 'API', 'Resource', 'System', 'Domain']) {
      expect({ kind, shown: accepts(anEntity(kind)) }).toEqual({
        kind,
        shown: true,
      });
    }
    for (const kind of ['User', 'Group', 'Location', 'Template']) {
      expect({ kind, shown: accepts(anEntity(kind)) }).toEqual({
        kind,
        shown: false,
      });
    }
  });

  it('links the Releases tab to the release pages', async () => {
    const listReleases = jest.fn().mockResolvedValue({
      items: [aListItem()],
      totalCount: 1,
      countsByStatus: { executed: 1 },
    });
    renderInTestApp(
      <EntityProvider entity={checkoutService}>
        {createExtensionTester(entityReleasesContent).reactElement()}
      </EntityProvider>,
      {
        apis: [
          [releaseApiRef, { listReleases }],
          mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
        ],
        mountedRoutes: { '/release': convertLegacyRouteRef(rootRouteRef) },
      },
    );

    const links = await screen.findAllByRole(
      'link',
      { name: 'REL-000042' },
      { timeout: 5000 },
    );
    for (const link of links) {
      expect(link).toHaveAttribute(
        'href',
        `/release/releases/${aListItem().id}`,
      );
    }
  });

  it('shows the overview card on a component, with its releases in flight', async () => {
    const tester = createExtensionTester(entityReleasesCard);
    const accepts = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(accepts(checkoutService)).toBe(true);
    expect(accepts(anEntity('Group'))).toBe(false);

    const getEntityOverview = jest.fn().mockResolvedValue({
      entityRef: 'component:default/checkout-service',
      inFlight: 3,
      countsByStatus: { planning: 3 },
      next: null,
      conflicts: [],
      blackouts: [],
    });
    renderInTestApp(
      <EntityProvider entity={checkoutService}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [[releaseApiRef, { getEntityOverview }]],
        // The card links to the release pages.
        mountedRoutes: { '/release': convertLegacyRouteRef(rootRouteRef) },
      },
    );

    expect(
      await screen.findByText(/releases in flight/, {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('3')).toBeInTheDocument();
    expect(getEntityOverview).toHaveBeenCalledWith(
      'component:default/checkout-service',
    );
  });

  it('shows the delivery card on systems, domains and components only, with their figures', async () => {
    const tester = createExtensionTester(entityReleaseDeliveryCard);
    const accepts = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    for (const kind of ['System', 'Domain', 'Component']) {
      expect({ kind, shown: accepts(anEntity(kind)) }).toEqual({
        kind,
        shown: true,
      });
    }
    for (const kind of ['API', 'Resource', 'Group', 'User', 'Location']) {
      expect({ kind, shown: accepts(anEntity(kind)) }).toEqual({
        kind,
        shown: false,
      });
    }

    const getDeliveryMetrics = jest.fn().mockResolvedValue(aDeliveryMetrics());
    renderInTestApp(
      <EntityProvider entity={checkoutService}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [[releaseApiRef, { getDeliveryMetrics }]],
        // The card links to the delivery page.
        mountedRoutes: { '/release': convertLegacyRouteRef(rootRouteRef) },
      },
    );

    expect(
      await screen.findByRole(
        'group',
        { name: 'Lead time' },
        { timeout: 5000 },
      ),
    ).toHaveTextContent('2 days, 4 hours');
    expect(getDeliveryMetrics).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/checkout-service',
      }),
    );
  });

  it('renders release search results with their number, and only those', async () => {
    const item = createExtensionTester(releaseSearchResultListItem).get(
      SearchResultListItemBlueprint.dataRefs.item,
    );
    const document: ReleaseSearchDocument = {
      title: 'REL-000042 Orders service 2.4',
      text: 'Split payments',
      location: '/release/releases/r42',
      number: 'REL-000042',
      status: 'closed',
      type: 'minor',
      priority: 2,
      plannedStart: '2027-03-10T09:00:00.000Z',
      plannedEnd: '2027-03-10T11:00:00.000Z',
      closedAt: '2027-03-11T08:30:00.000Z',
      portfolioName: null,
      entityRefs: [],
    };

    expect(item.predicate!({ type: 'release', document })).toBe(true);
    expect(item.predicate!({ type: 'software-catalog', document })).toBe(false);

    const ResultItem = item.component;
    renderInTestApp(<ResultItem result={document} />);
    expect(
      await screen.findByRole('link', {
        name: 'REL-000042 Orders service 2.4',
      }),
    ).toHaveAttribute('href', '/release/releases/r42');
  });
});
