import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { releaseApiRef, ReleaseClient } from './api';
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
