import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { releaseApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aRelease } from '../../__testUtils__/releaseFixtures';
import { ClosedSearchPage } from './ClosedSearchPage';

/** The page with these release API methods, no portfolios and no justifications. */
function renderPage(releaseApi: object) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          releaseApiRef,
          {
            listPortfolios: async () => [],
            listJustifications: async () => [],
            ...releaseApi,
          },
        ],
        [catalogApiRef, { getEntities: async () => ({ items: [] }) }],
      ]}
    >
      <ClosedSearchPage />
    </TestApiProvider>,
    { mountedRoutes: { '/release': rootRouteRef } },
  );
}

describe('ClosedSearchPage', () => {
  it('searches closed releases with the criteria and downloads the same search as CSV', async () => {
    const closed = aRelease({
      status: 'closed',
      outcome: 'successful',
      closedAt: '2026-11-21T10:00:00.000Z',
    });
    const searchClosed = jest.fn().mockResolvedValue({
      items: [closed],
      totalCount: 1,
      totalCountCapped: false,
    });
    const exportClosedCsv = jest
      .fn()
      .mockResolvedValue(new Blob(['Number,Title\n']));
    URL.createObjectURL = jest.fn(() => 'blob:csv');
    URL.revokeObjectURL = jest.fn();
    await renderPage({ searchClosed, exportClosedCsv });

    await userEvent.type(
      screen.getByLabelText('Number, title or description'),
      'orders',
    );
    await userEvent.type(
      screen.getByLabelText('Related key (e.g. CHG-1042)'),
      'CHG-1042',
    );
    await userEvent.click(screen.getByLabelText('Include cancelled'));
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(searchClosed).toHaveBeenLastCalledWith({
      q: 'orders',
      externalKey: 'CHG-1042',
      includeCancelled: true,
      limit: 25,
      offset: 0,
    });
    const table = await screen.findByRole('table', { name: 'Closed releases' });
    expect(table).toHaveTextContent('Orders service 2.4');
    expect(table).toHaveTextContent('successful');

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(exportClosedCsv).toHaveBeenCalledWith({
      q: 'orders',
      externalKey: 'CHG-1042',
      includeCancelled: true,
      language: 'en',
    });
  });

  it('says a broad search has more matches than it counted, and still pages on', async () => {
    const page = Array.from({ length: 25 }, (_, i) =>
      aRelease({
        id: `r${i}`,
        number: `REL-${String(i + 1).padStart(6, '0')}`,
        status: 'closed',
        outcome: 'successful',
        closedAt: '2026-11-21T10:00:00.000Z',
      }),
    );
    const searchClosed = jest.fn().mockResolvedValue({
      items: page,
      totalCount: 1000,
      totalCountCapped: true,
    });
    await renderPage({ searchClosed });

    expect(
      await screen.findByText('Results (more than 1,000)'),
    ).toBeInTheDocument();
    expect(screen.getByText('1–25 of more than 1,000')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(searchClosed).toHaveBeenLastCalledWith(
      expect.objectContaining({ limit: 25, offset: 25 }),
    );
  });
});
