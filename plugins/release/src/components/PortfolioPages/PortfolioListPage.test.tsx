import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Portfolio } from '@internal/plugin-release-common';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { PortfolioListPage } from './PortfolioListPage';

const commerce: Portfolio = {
  id: 'p1',
  name: 'Digital commerce',
  description: 'Shop and checkout',
  icon: null,
  ownerGroup: 'group:default/storefront-team',
  authorizerGroup: 'group:default/release-managers',
};

describe('PortfolioListPage', () => {
  it('lists portfolios with their groups, linked to their pages', async () => {
    await renderWithApis(<PortfolioListPage />, {
      listPortfolios: jest.fn().mockResolvedValue([commerce]),
    });
    const table = await screen.findByRole('table', { name: 'Portfolios' });
    expect(
      within(table).getByRole('link', { name: 'Digital commerce' }),
    ).toHaveAttribute('href', '/release/portfolios/p1');
    expect(within(table).getByText('storefront-team')).toBeInTheDocument();
    expect(within(table).getByText('release-managers')).toBeInTheDocument();
  });

  it('says there are none yet, and shows a failure', async () => {
    const { unmount } = await renderWithApis(<PortfolioListPage />, {
      listPortfolios: jest.fn().mockResolvedValue([]),
    });
    expect(await screen.findByText('No portfolios yet')).toBeInTheDocument();
    unmount();

    await renderWithApis(<PortfolioListPage />, {
      listPortfolios: jest
        .fn()
        .mockRejectedValue(new Error('Release backend unavailable')),
    });
    expect(
      await screen.findByText('Error: Release backend unavailable'),
    ).toBeInTheDocument();
  });

  it('disables creating for those who may not manage portfolios', async () => {
    await renderWithApis(
      <PortfolioListPage />,
      { listPortfolios: jest.fn().mockResolvedValue([commerce]) },
      { allowed: false },
    );
    await screen.findByRole('table', { name: 'Portfolios' });
    const button = screen.getByRole('button', { name: 'New portfolio' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('title', 'You may not manage portfolios');
  });

  it('creates a portfolio and shows it in the list', async () => {
    const mobile = { ...commerce, id: 'p2', name: 'Mobile apps' };
    const listPortfolios = jest
      .fn()
      .mockResolvedValueOnce([commerce])
      .mockResolvedValue([commerce, mobile]);
    const createPortfolio = jest.fn().mockResolvedValue(mobile);
    await renderWithApis(<PortfolioListPage />, {
      listPortfolios,
      createPortfolio,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'New portfolio' }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Name'), 'Mobile apps');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(createPortfolio).toHaveBeenCalledWith({
      name: 'Mobile apps',
      description: '',
      ownerGroup: null,
      authorizerGroup: null,
    });
    expect(
      await screen.findByRole('link', { name: 'Mobile apps' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
