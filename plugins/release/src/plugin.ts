import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { RELEASE_SEARCH_TYPE } from '@internal/plugin-release-common';
import { releaseApiRef, ReleaseClient } from './api';
import type { ReleaseSearchResultListItemProps } from './components/ReleaseSearchResultListItem';
import { rootRouteRef } from './routes';

/** @public */
export const releasePlugin = createPlugin({
  id: 'release',
  apis: [
    createApiFactory({
      api: releaseApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReleaseClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The release management pages, mounted by the app at e.g. `/release`.
 *
 * @public
 */
export const ReleasePage = releasePlugin.provide(
  createRoutableExtension({
    name: 'ReleasePage',
    component: () =>
      import('./components/ReleaseRouter').then(m => m.ReleaseRouter),
    mountPoint: rootRouteRef,
  }),
);

/**
 * An entity page's "Releases" tab: open and recent releases touching the
 * entity directly or through impact, and registering one for it.
 *
 * @public
 */
export const EntityReleasesContent = releasePlugin.provide(
  createComponentExtension({
    name: 'EntityReleasesContent',
    component: {
      lazy: () =>
        import('./components/EntityReleases').then(
          m => m.EntityReleasesContent,
        ),
    },
  }),
);

/**
 * An entity overview card: releases in flight, the next window, conflicts
 * and blackouts.
 *
 * @public
 */
export const EntityReleasesCard = releasePlugin.provide(
  createComponentExtension({
    name: 'EntityReleasesCard',
    component: {
      lazy: () =>
        import('./components/EntityReleases').then(m => m.EntityReleasesCard),
    },
  }),
);

/**
 * An entity overview card for systems, domains and components: delivery
 * figures of the last twelve months and a sparkline of releases per month;
 * nothing when no release of the entity was executed or closed.
 *
 * @public
 */
export const EntityReleaseDeliveryCard = releasePlugin.provide(
  createComponentExtension({
    name: 'EntityReleaseDeliveryCard',
    component: {
      lazy: () =>
        import('./components/EntityReleaseDelivery').then(
          m => m.EntityReleaseDeliveryCard,
        ),
    },
  }),
);

/**
 * A release in the portal's search results (document type `release`): put
 * it inside `<SearchResult>` on the search page.
 *
 * @public
 */
export const ReleaseSearchResultListItem: (
  props: ReleaseSearchResultListItemProps,
) => JSX.Element | null = releasePlugin.provide(
  createSearchResultListItemExtension({
    name: 'ReleaseSearchResultListItem',
    component: () =>
      import('./components/ReleaseSearchResultListItem').then(
        m => m.ReleaseSearchResultListItem,
      ),
    predicate: result => result.type === RELEASE_SEARCH_TYPE,
  }),
);
