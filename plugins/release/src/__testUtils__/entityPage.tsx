import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
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
import { FakeSignalApi, WithSignals } from './fakeSignals';

/** The checkout-service entity page of the example catalog. */
export const checkoutService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-service',
    namespace: 'default',
    title: 'Checkout service',
  },
  spec: { type: 'service', owner: 'storefront-team' },
};

/**
 * Renders an entity view on checkout-service's page with the given API;
 * with `signals`, the app has that signal API.
 */
export function renderOnEntityPage(
  view: ReactNode,
  api: Partial<ReleaseApi>,
  options: { canCreate?: boolean; signals?: FakeSignalApi } = {},
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [releaseApiRef, api],
        // The register dialog's pickers offer catalog entities.
        [
          catalogApiRef,
          new InMemoryCatalogClient({ entities: [checkoutService] }),
        ],
        [
          permissionApiRef,
          new MockPermissionApi(() =>
            options.canCreate ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          ),
        ],
      ]}
    >
      {/* A fresh permission cache per test: usePermission caches decisions. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <EntityProvider entity={checkoutService}>
          <WithSignals signals={options.signals}>{view}</WithSignals>
        </EntityProvider>
      </SWRConfig>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/release': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}
