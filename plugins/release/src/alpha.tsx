import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  coreExtensionData,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import { RELEASE_SEARCH_TYPE } from '@internal/plugin-release-common';
import ReleaseIcon from '@material-ui/icons/NewReleases';
import { releaseApiRef, ReleaseClient } from './api';
import {
  desktopSubPagePath,
  KeepDesktopAddress,
} from './components/ReleaseSubPages/KeepDesktopAddress';
import {
  calendarRouteRef,
  closedSearchRouteRef,
  deliveryRouteRef,
  justificationsRouteRef,
  portfolioRouteRef,
  portfoliosRouteRef,
  releaseRouteRef,
  rootRouteRef,
} from './routes';

/** The kinds a release can touch: the entities the catalog deploys or groups. */
const releasableKinds = {
  kind: { $in: ['component', 'api', 'resource', 'system', 'domain'] },
};

/** @alpha */
export const releaseApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: releaseApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReleaseClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The release pages at `/release`, under the app's plugin page header with a
 * tab per sub-page; its title and icon also give the app's navigation its
 * "Releases" entry. `/release` itself opens the first tab, the desktop,
 * with the filters of its address (KeepDesktopAddress).
 *
 * @alpha
 */
export const releasePage = PageBlueprint.makeWithOverrides({
  *factory(originalFactory) {
    const page = originalFactory({
      path: '/release',
      title: 'Releases',
      icon: <ReleaseIcon />,
      routeRef: convertLegacyRouteRef(rootRouteRef),
    });
    yield coreExtensionData.routePath(page.get(coreExtensionData.routePath));
    yield coreExtensionData.reactElement(
      <KeepDesktopAddress>
        {page.get(coreExtensionData.reactElement)}
      </KeepDesktopAddress>,
    );
    const routeRef = page.get(coreExtensionData.routeRef);
    if (routeRef) yield coreExtensionData.routeRef(routeRef);
    const title = page.get(coreExtensionData.title);
    if (title) yield coreExtensionData.title(title);
    const icon = page.get(coreExtensionData.icon);
    if (icon) yield coreExtensionData.icon(icon);
  },
});

// Each tab's path is the path of its legacy sub-route ref (see routes.ts), so
// the links the pages make with `useRouteRef` land on the tab; compatWrapper
// gives the pages the legacy `useRouteRef` and `useRouteRefParams`.

/**
 * The release desktop, and one release at `releases/:id`.
 *
 * @alpha
 */
export const releaseDesktopSubPage = SubPageBlueprint.make({
  name: 'desktop',
  params: {
    path: desktopSubPagePath,
    title: 'Desktop',
    loader: () =>
      import('./components/ReleaseSubPages').then(m =>
        compatWrapper(<m.DesktopSubPage />),
      ),
  },
});

/**
 * The advanced search of closed releases.
 *
 * @alpha
 */
export const closedSearchSubPage = SubPageBlueprint.make({
  name: 'search',
  params: {
    path: 'search',
    title: 'Closed releases',
    loader: () =>
      import('./components/ReleaseSubPages').then(m =>
        compatWrapper(<m.ClosedSearchSubPage />),
      ),
  },
});

/**
 * The portfolios, and one portfolio at `portfolios/:id`.
 *
 * @alpha
 */
export const portfoliosSubPage = SubPageBlueprint.make({
  name: 'portfolios',
  params: {
    path: 'portfolios',
    title: 'Portfolios',
    loader: () =>
      import('./components/ReleaseSubPages').then(m =>
        compatWrapper(<m.PortfoliosSubPage />),
      ),
  },
});

/**
 * The forward schedule of planned windows.
 *
 * @alpha
 */
export const calendarSubPage = SubPageBlueprint.make({
  name: 'calendar',
  params: {
    path: 'calendar',
    title: 'Calendar',
    loader: () =>
      import('./components/ReleaseSubPages').then(m =>
        compatWrapper(<m.CalendarSubPage />),
      ),
  },
});

/**
 * Executor groups and systems side by side in delivery figures.
 *
 * @alpha
 */
export const deliverySubPage = SubPageBlueprint.make({
  name: 'delivery',
  params: {
    path: 'delivery',
    title: 'Delivery',
    loader: () =>
      import('./components/ReleaseSubPages').then(m =>
        compatWrapper(<m.DeliverySubPage />),
      ),
  },
});

/**
 * The justification catalogue.
 *
 * @alpha
 */
export const justificationsSubPage = SubPageBlueprint.make({
  name: 'justifications',
  params: {
    path: 'justifications',
    title: 'Justifications',
    loader: () =>
      import('./components/ReleaseSubPages').then(m =>
        compatWrapper(<m.JustificationsSubPage />),
      ),
  },
});

/** @alpha */
export const entityReleasesContent = EntityContentBlueprint.make({
  name: 'releases',
  params: {
    path: 'releases',
    title: 'Releases',
    filter: releasableKinds,
    loader: () =>
      import('./components/EntityReleases').then(m =>
        compatWrapper(<m.EntityReleasesContent />),
      ),
  },
});

/** @alpha */
export const entityReleasesCard = EntityCardBlueprint.make({
  name: 'releases',
  params: {
    filter: releasableKinds,
    loader: () =>
      import('./components/EntityReleases').then(m =>
        compatWrapper(<m.EntityReleasesCard />),
      ),
  },
});

/**
 * The delivery figures card, on systems, domains and components: the
 * entities whose releases the figures gather (docs/metrics.md).
 *
 * @alpha
 */
export const entityReleaseDeliveryCard = EntityCardBlueprint.make({
  name: 'delivery',
  params: {
    filter: { kind: { $in: ['system', 'domain', 'component'] } },
    loader: () =>
      import('./components/EntityReleaseDelivery').then(m =>
        compatWrapper(<m.EntityReleaseDeliveryCard />),
      ),
  },
});

/** @alpha */
export const releaseSearchResultListItem = SearchResultListItemBlueprint.make({
  params: {
    predicate: result => result.type === RELEASE_SEARCH_TYPE,
    component: () =>
      import('./components/ReleaseSearchResultListItem').then(
        m => m.ReleaseSearchResultListItem,
      ),
  },
});

/**
 * The release plugin for apps on the new frontend system; `releasePlugin`
 * from the package root stays the legacy one.
 *
 * @alpha
 */
const releasePlugin = createFrontendPlugin({
  pluginId: 'release',
  title: 'Releases',
  icon: <ReleaseIcon />,
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    release: releaseRouteRef,
    closedSearch: closedSearchRouteRef,
    portfolios: portfoliosRouteRef,
    portfolio: portfolioRouteRef,
    calendar: calendarRouteRef,
    delivery: deliveryRouteRef,
    justifications: justificationsRouteRef,
  }),
  extensions: [
    releaseApi,
    releasePage,
    // In this order the tabs appear.
    releaseDesktopSubPage,
    closedSearchSubPage,
    portfoliosSubPage,
    calendarSubPage,
    deliverySubPage,
    justificationsSubPage,
    entityReleasesContent,
    entityReleasesCard,
    entityReleaseDeliveryCard,
    releaseSearchResultListItem,
  ],
});

export default releasePlugin;
export { releasePlugin };
export { releaseTranslationRef, releaseTranslations } from './translations';
