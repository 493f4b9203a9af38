import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { Entity } from '@backstage/catalog-model';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ReactNode } from 'react';
import { SWRConfig } from 'swr';
import { ReleaseApi, releaseApiRef } from '../api';
import { rootRouteRef } from '../routes';

/** Catalog entities the pickers offer in component tests. */
export const pickerEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'release-managers',
      namespace: 'default',
      title: 'Release managers',
    },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ana.souza', namespace: 'default' },
    spec: { profile: { displayName: 'Ana Souza' }, memberOf: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'orders-service',
      namespace: 'default',
      title: 'Orders service',
    },
    spec: { type: 'service', owner: 'storefront-team' },
  },
];

/** Where the release views' links lead in component tests. */
export const mountedRoutes = {
  '/release': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

/**
 * A release view with the given release API, a catalog offering
 * `pickerEntities` (filtered by kind and text as the catalog would), and a
 * permission answer for every permission.
 */
export function withReleaseApis(
  view: ReactNode,
  api: Partial<ReleaseApi>,
  options: { allowed?: boolean } = {},
) {
  return (
    <TestApiProvider
      apis={[
        [releaseApiRef, api],
        [
          catalogApiRef,
          new InMemoryCatalogClient({ entities: pickerEntities }),
        ],
        [
          permissionApiRef,
          new MockPermissionApi(() =>
            options.allowed === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
          ),
        ],
      ]}
    >
      {/* A fresh permission cache per test: usePermission caches decisions. */}
      <SWRConfig value={{ provider: () => new Map() }}>{view}</SWRConfig>
    </TestApiProvider>
  );
}

/** Renders `withReleaseApis(...)` in a test app, in English. */
export function renderWithApis(
  view: ReactNode,
  api: Partial<ReleaseApi>,
  options: { allowed?: boolean } = {},
) {
  return renderInTestApp(withReleaseApis(view, api, options), {
    mountedRoutes,
  });
}
