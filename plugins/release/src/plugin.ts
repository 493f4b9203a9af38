import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';

import { rootRouteRef } from './routes';

export const releasePlugin = createPlugin({
  id: 'release',
  routes: {
    root: rootRouteRef,
  },
});

export const ReleasePage = releasePlugin.provide(
  createRoutableExtension({
    name: 'ReleasePage',
    component: () =>
      import('./components/ExampleComponent').then(m => m.ExampleComponent),
    mountPoint: rootRouteRef,
  }),
);
