import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReleaseApi, releaseApiRef } from './api';
import releasePlugin from './alpha';
import {
  aComparison,
  aDeliveryMetrics,
} from './__testUtils__/deliveryFixtures';
import { aListItem, aRelease } from './__testUtils__/releaseFixtures';

const release = aRelease({ portfolioId: 'p1' });
const storefront = {
  id: 'p1',
  name: 'Storefront',
  description: '',
  icon: null,
  ownerGroup: null,
  authorizerGroup: null,
  approvalPolicy: null,
  emergencyApprovalPolicy: null,
};

/** The release API as the pages of these tests need it. */
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
  countAwaitingMyApproval: async () => 0,
  listPortfolios: async () => [],
  getRelease: async () => release,
  getHistory: async () => [],
  listJustifications: async () => [],
  getPortfolio: async () => ({ ...storefront, models: [] }),
  getPortfolioSummary: async (_id, range) => ({
    portfolio: storefront,
    from: range?.from ?? '',
    to: range?.to ?? '',
    byStatus: {},
    outcomes: {},
    successRate: null,
    leadTimeHours: null,
    roadmap: [],
    upcoming: [],
    overdueActivities: [],
  }),
  getDeliveryMetrics: async () => aDeliveryMetrics(),
  getDeliveryComparison: async ({ dimension }) => aComparison(dimension),
  searchClosed: async () => ({
    items: [aRelease({ status: 'closed', outcome: 'successful' })],
    totalCount: 1,
    totalCountCapped: false,
  }),
};

/** The whole plugin in a new-frontend-system app, opened at `path`. */
function renderReleasePlugin(path: string) {
  return renderTestApp({
    features: [releasePlugin],
    initialRouteEntries: [path],
    // The release page links the people on it to the catalog.
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': convertLegacyRouteRef(entityRouteRef),
    },
    apis: [
      [releaseApiRef, releaseApi],
      // The closed search offers catalog entities as criteria.
      [catalogApiRef, { getEntities: async () => ({ items: [] }) }],
      mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
    ],
  });
}

/**
 * The page's one header: the app's plugin header, whose title is the only
 * level-1 heading on the page.
 */
function expectOnePageHeader() {
  const headings = screen.getAllByRole('heading', { level: 1 });
  expect(headings).toHaveLength(1);
  expect(headings[0]).toHaveTextContent('Releases');
  // No legacy core-components header (a `banner`) inside it.
  expect(screen.queryByRole('banner')).not.toBeInTheDocument();
}

// The app shell and the lazy pages can take a while under a parallel run.
const slow = { timeout: 10_000 };

describe('the release pages in the new frontend system', () => {
  it('opens the desktop under one page header, with a tab per page', async () => {
    renderReleasePlugin('/release');

    const table = await screen.findByRole('table', { name: 'Releases' }, slow);
    expect(within(table).getByText('REL-000042')).toBeInTheDocument();
    expectOnePageHeader();
    // What the legacy desktop has beside its header stays on the page.
    expect(
      screen.getByRole('heading', { level: 2, name: 'Release desktop' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Register release' }),
    ).toBeEnabled();
    expect(screen.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Desktop',
      'Closed releases',
      'Portfolios',
      'Calendar',
      'Delivery',
      'Justifications',
    ]);
    expect(screen.getByRole('tab', { name: 'Desktop' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    // The tabs lead to the other pages; no buttons beside them repeat them.
    for (const name of [
      'Portfolios',
      'Calendar',
      'Closed releases',
      'Delivery',
      'Justifications',
    ]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  }, 30_000);

  it("opens `/release?…` on the desktop with the address's filters, as a shared link of the legacy desktop", async () => {
    renderReleasePlugin('/release?awaitingApprovalBy=me');

    const filter = await screen.findByRole(
      'button',
      { name: /^Awaiting my approval \(\d+\)$/ },
      slow,
    );
    expect(filter).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('tab', { name: 'Desktop' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  }, 30_000);

  it('goes from the desktop to a release, headed by its number and title', async () => {
    renderReleasePlugin('/release');

    const table = await screen.findByRole('table', { name: 'Releases' }, slow);
    await userEvent.click(
      within(table).getByRole('link', { name: 'REL-000042' }),
    );

    expect(
      await screen.findByRole(
        'heading',
        { level: 2, name: 'REL-000042 · Orders service 2.4' },
        slow,
      ),
    ).toBeInTheDocument();
    expectOnePageHeader();
    // The legacy header's labels, now beside the title.
    expect(screen.getByText('Executed')).toBeInTheDocument();
    expect(screen.getByText('Priority 2 · high')).toBeInTheDocument();
    expect(screen.getByText('Type minor')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument();
    // A release stays under the desktop's tab.
    expect(screen.getByRole('tab', { name: 'Desktop' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    // The release page links to its portfolio.
    expect(
      await screen.findByRole('link', { name: 'Storefront' }),
    ).toHaveAttribute('href', '/release/portfolios/p1');
  }, 30_000);

  it('opens a portfolio from its link, under the same header', async () => {
    renderReleasePlugin('/release/portfolios/p1');

    expect(
      await screen.findByRole(
        'heading',
        { level: 2, name: 'Storefront' },
        slow,
      ),
    ).toBeInTheDocument();
    expectOnePageHeader();
    expect(
      screen.getByRole('button', { name: 'Edit portfolio' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Portfolios' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  }, 30_000);

  it('searches closed releases under one page header', async () => {
    renderReleasePlugin('/release/search');

    const results = await screen.findByRole(
      'table',
      { name: 'Closed releases' },
      slow,
    );
    expect(within(results).getByText('REL-000042')).toBeInTheDocument();
    expectOnePageHeader();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Search' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeEnabled();
    expect(
      screen.getByRole('tab', { name: 'Closed releases' }),
    ).toHaveAttribute('aria-selected', 'true');
  }, 30_000);

  it('compares delivery figures under one page header, linking to the catalog', async () => {
    renderReleasePlugin('/release/delivery');

    const table = await screen.findByRole(
      'table',
      { name: 'Delivery comparison' },
      slow,
    );
    expectOnePageHeader();
    expect(screen.getByRole('tab', { name: 'Delivery' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await within(table).findByRole('link', { name: /payments-team/ }),
    ).toHaveAttribute('href', '/catalog/default/group/payments-team');
  }, 30_000);

  it("shows a portfolio's delivery figures on its page", async () => {
    renderReleasePlugin('/release/portfolios/p1');

    expect(
      await screen.findByRole('group', { name: 'Lead time' }, slow),
    ).toHaveTextContent('2 days, 4 hours');
  }, 30_000);
});
