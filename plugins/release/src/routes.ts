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

/** The release portfolios. */
export const portfoliosRouteRef = createSubRouteRef({
  id: 'release/portfolios',
  parent: rootRouteRef,
  path: '/portfolios',
});

/** One portfolio's page. */
export const portfolioRouteRef = createSubRouteRef({
  id: 'release/portfolio',
  parent: rootRouteRef,
  path: '/portfolios/:id',
});

/** The forward schedule of planned windows. */
export const calendarRouteRef = createSubRouteRef({
  id: 'release/calendar',
  parent: rootRouteRef,
  path: '/calendar',
});

/** The justification catalogue. */
export const justificationsRouteRef = createSubRouteRef({
  id: 'release/justifications',
  parent: rootRouteRef,
  path: '/justifications',
});

/** Delivery figures of executor groups and systems side by side. */
export const deliveryRouteRef = createSubRouteRef({
  id: 'release/delivery',
  parent: rootRouteRef,
  path: '/delivery',
});
