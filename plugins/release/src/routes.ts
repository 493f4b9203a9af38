import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The release desktop, e.g. `/release`. */
export const rootRouteRef = createRouteRef({ id: 'release' });

/** One release, e.g. `/release/releases/:id`. */
export const releaseRouteRef = createSubRouteRef({
  id: 'release/details',
  parent: rootRouteRef,
  path: '/releases/:id',
});

/** The advanced search of closed releases. */
export const closedSearchRouteRef = createSubRouteRef({
  id: 'release/search',
  parent: rootRouteRef,
  path: '/search',
});
