import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
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
  calendarRouteRef,
  closedSearchRouteRef,
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
 * The release pages at `/release`; its title and icon also give the app's
 * navigation its "Releases" entry.
 *
 * @alpha
 */
export const releasePage = PageBlueprint.make({
  params: {
    path: '/release',
    title: 'Releases',
    icon: <ReleaseIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    // The pages draw their own headers.
    noHeader: true,
    // compatWrapper: the pages link with the legacy useRouteRef.
    loader: () =>
      import('./components/ReleaseRouter').then(m =>
        compatWrapper(<m.ReleaseRouter />),
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
    justifications: justificationsRouteRef,
  }),
  extensions: [
    releaseApi,
    releasePage,
    entityReleasesContent,
    entityReleasesCard,
    releaseSearchResultListItem,
  ],
});

export default releasePlugin;
export { releasePlugin };
