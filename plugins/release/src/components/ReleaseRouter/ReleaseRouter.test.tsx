import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { SWRConfig } from 'swr';
import { ReleaseApi, releaseApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aComparison } from '../../__testUtils__/deliveryFixtures';
import { aListItem, aRelease } from '../../__testUtils__/releaseFixtures';
import { ReleaseRouter } from './ReleaseRouter';

const releaseApi: Partial<ReleaseApi> = {
  listReleases: async () => ({
    items: [aListItem()],
    totalCount: 1,
    countsByStatus: { executed: 1 },
  }),
  getBreakdown: async () => ({
    byStatus: { executed: 1 },
    byPriority: { '2': 1 },
    byExecutorGroup: [],
  }),
  listPortfolios: async () => [],
  getRelease: async () => aRelease(),
  getHistory: async () => [],
  listJustifications: async () => [],
  getDeliveryComparison: async ({ dimension }) => aComparison(dimension),
};

/** The legacy release pages, as `ReleasePage` mounts them, at `path`. */
function renderLegacyPages(path: string) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [releaseApiRef, releaseApi],
        [catalogApiRef, { getEntities: async () => ({ items: [] }) }],
        [permissionApiRef, new MockPermissionApi(() => AuthorizeResult.ALLOW)],
      ]}
    >
      <SWRConfig value={{ provider: () => new Map() }}>
        <Routes>
          <Route path="/release/*" element={<ReleaseRouter />} />
        </Routes>
      </SWRConfig>
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/release': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('the legacy release pages', () => {
  it('draw the desktop under its own page header', async () => {
    await renderLegacyPages('/release');

    const header = await screen.findByRole('banner');
    expect(
      within(header).getByRole('heading', {
        level: 1,
        name: 'Release management',
      }),
    ).toBeInTheDocument();
    expect(
      within(header).getByText(
        "Register, plan, deploy and close releases of the catalog's components",
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Register release' }),
    ).toBeInTheDocument();
  });

  it('draw a release under a header with its number, title and labels', async () => {
    await renderLegacyPages(`/release/releases/${aRelease().id}`);

    const header = await screen.findByRole('banner');
    expect(
      within(header).getByRole('heading', {
        level: 1,
        name: 'REL-000042 · Orders service 2.4',
      }),
    ).toBeInTheDocument();
    for (const [label, value] of [
      ['Status', 'Executed'],
      ['Priority', '2 · high'],
      ['Type', 'minor'],
    ]) {
      expect(within(header).getByText(label)).toBeInTheDocument();
      expect(within(header).getByText(value)).toBeInTheDocument();
    }
    // Only one page header: the title row of the new system's page is not
    // drawn here.
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(
      screen.queryByRole('heading', {
        level: 2,
        name: 'REL-000042 · Orders service 2.4',
      }),
    ).not.toBeInTheDocument();
  });

  it('draw the delivery comparison under its own page header', async () => {
    await renderLegacyPages('/release/delivery');

    const header = await screen.findByRole('banner');
    expect(
      within(header).getByRole('heading', {
        level: 1,
        name: 'Delivery figures',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Delivery comparison' }),
    ).toBeInTheDocument();
  });
});
