import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { Portfolio } from '@internal/plugin-release-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import { ReleaseApi, releaseApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { backendError } from '../../__testUtils__/backendError';
import { PortfolioListPage } from './PortfolioListPage';

const commerce: Portfolio = {
  id: 'p1',
  name: 'Digital commerce',
  description: 'Shop and checkout',
  icon: null,
  ownerGroup: 'group:default/storefront-team',
  authorizerGroup: 'group:default/release-managers',
  approvalPolicy: null,
  emergencyApprovalPolicy: null,
};

const mobile: Portfolio = {
  id: 'p2',
  name: 'Mobile apps',
  description: '',
  icon: null,
  ownerGroup: null,
  authorizerGroup: null,
  approvalPolicy: null,
  emergencyApprovalPolicy: null,
};

/**
 * Renders the page with a policy that answers ALLOW only for
 * `release.portfolio.manage`, and only when `canManage` is set.
 */
function renderPage(api: Partial<ReleaseApi>, canManage: boolean) {
  const policy = jest.fn((request: EvaluatePermissionRequest) =>
    canManage && request.permission.name === 'release.portfolio.manage'
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY,
  );
  const rendered = renderInTestApp(
    <TestApiProvider
      apis={[
        [releaseApiRef, api],
        [catalogApiRef, { getEntities: async () => ({ items: [] }) }],
        [permissionApiRef, new MockPermissionApi(policy)],
      ]}
    >
      {/* A fresh permission cache per test: usePermission caches decisions. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <PortfolioListPage />
      </SWRConfig>
    </TestApiProvider>,
    { mountedRoutes: { '/release': rootRouteRef } },
  );
  return { policy, rendered };
}

describe('PortfolioListPage', () => {
  it('lists each portfolio with its description and groups, linked to its page', async () => {
    await renderPage(
      { listPortfolios: jest.fn().mockResolvedValue([commerce, mobile]) },
      true,
    ).rendered;

    const table = await screen.findByRole('table', { name: 'Portfolios' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(
      within(rows[0])
        .getAllByRole('columnheader')
        .map(cell => cell.textContent),
    ).toEqual(['Name', 'Description', 'Owner group', 'Authorizer group']);
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual([
      'Digital commerce',
      'Shop and checkout',
      'storefront-team',
      'release-managers',
    ]);
    expect(
      within(rows[1]).getByRole('link', { name: 'Digital commerce' }),
    ).toHaveAttribute('href', '/release/portfolios/p1');
    // A portfolio without groups shows empty cells, not "null".
    expect(
      within(rows[2])
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['Mobile apps', '', '', '']);
    expect(
      within(rows[2]).getByRole('link', { name: 'Mobile apps' }),
    ).toHaveAttribute('href', '/release/portfolios/p2');
  });

  it('says there are no portfolios yet instead of an empty table', async () => {
    await renderPage({ listPortfolios: jest.fn().mockResolvedValue([]) }, true)
      .rendered;

    expect(await screen.findByText('No portfolios yet')).toBeInTheDocument();
    expect(
      screen.getByText('Create one to group releases and their models.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows why the portfolios could not be loaded', async () => {
    await renderPage(
      {
        listPortfolios: jest
          .fn()
          .mockRejectedValue(new Error('Release backend unavailable')),
      },
      true,
    ).rendered;

    expect(
      await screen.findByText('Error: Release backend unavailable'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText('No portfolios yet')).not.toBeInTheDocument();
  });

  it('lets those who may manage portfolios open the new portfolio dialog', async () => {
    const { policy, rendered } = renderPage(
      { listPortfolios: jest.fn().mockResolvedValue([commerce]) },
      true,
    );
    await rendered;
    await screen.findByRole('table', { name: 'Portfolios' });

    const button = screen.getByRole('button', { name: 'New portfolio' });
    expect(button).toBeEnabled();
    expect(button).not.toHaveAttribute('title');
    expect(policy).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({
          name: 'release.portfolio.manage',
        }),
      }),
    );

    await userEvent.click(button);
    expect(
      within(screen.getByRole('dialog')).getByText('New portfolio'),
    ).toBeInTheDocument();
  });

  it('disables creating, and says why, for those who may not manage portfolios', async () => {
    await renderPage(
      { listPortfolios: jest.fn().mockResolvedValue([commerce]) },
      false,
    ).rendered;
    await screen.findByRole('table', { name: 'Portfolios' });

    const button = screen.getByRole('button', { name: 'New portfolio' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('title', 'You may not manage portfolios');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('creates a portfolio and shows it in the reloaded list', async () => {
    const listPortfolios = jest
      .fn()
      .mockResolvedValueOnce([commerce])
      .mockResolvedValue([commerce, mobile]);
    const createPortfolio = jest.fn().mockResolvedValue(mobile);
    await renderPage({ listPortfolios, createPortfolio }, true).rendered;

    await userEvent.click(
      await screen.findByRole('button', { name: 'New portfolio' }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Name'), 'Mobile apps');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(createPortfolio).toHaveBeenCalledTimes(1);
    expect(createPortfolio).toHaveBeenCalledWith({
      name: 'Mobile apps',
      description: '',
      ownerGroup: null,
      authorizerGroup: null,
      approvalPolicy: null,
      emergencyApprovalPolicy: null,
    });
    expect(
      await screen.findByRole('link', { name: 'Mobile apps' }),
    ).toBeInTheDocument();
    expect(listPortfolios).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps the dialog open with the refusal when the portfolio cannot be created', async () => {
    const listPortfolios = jest.fn().mockResolvedValue([commerce]);
    const createPortfolio = jest
      .fn()
      .mockRejectedValue(
        backendError(
          409,
          'ConflictError',
          'A portfolio named Digital commerce already exists',
        ),
      );
    await renderPage({ listPortfolios, createPortfolio }, true).rendered;

    await userEvent.click(
      await screen.findByRole('button', { name: 'New portfolio' }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText('Name'),
      'Digital commerce',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      await within(dialog).findByText(
        'A portfolio named Digital commerce already exists',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(listPortfolios).toHaveBeenCalledTimes(1);
  });

  it('closes the dialog without creating anything on cancel', async () => {
    const createPortfolio = jest.fn();
    await renderPage(
      {
        listPortfolios: jest.fn().mockResolvedValue([commerce]),
        createPortfolio,
      },
      true,
    ).rendered;

    await userEvent.click(
      await screen.findByRole('button', { name: 'New portfolio' }),
    );
    await userEvent.type(screen.getByLabelText('Name'), 'Half typed');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(createPortfolio).not.toHaveBeenCalled();
  });
});
