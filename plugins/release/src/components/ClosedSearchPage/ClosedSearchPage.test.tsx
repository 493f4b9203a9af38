import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { releaseApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aRelease } from '../../testUtils/releaseFixtures';
import { ClosedSearchPage } from './ClosedSearchPage';

describe('ClosedSearchPage', () => {
  it('searches closed releases with the criteria and downloads the same search as CSV', async () => {
    const closed = aRelease({
      status: 'closed',
      outcome: 'successful',
      closedAt: '2026-11-21T10:00:00.000Z',
    });
    const searchClosed = jest
      .fn()
      .mockResolvedValue({ items: [closed], totalCount: 1 });
    const exportClosedCsv = jest
      .fn()
      .mockResolvedValue(new Blob(['Number,Title\n']));
    URL.createObjectURL = jest.fn(() => 'blob:csv');
    URL.revokeObjectURL = jest.fn();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            releaseApiRef,
            {
              searchClosed,
              exportClosedCsv,
              listPortfolios: async () => [],
              listJustifications: async () => [],
            },
          ],
          [catalogApiRef, { getEntities: async () => ({ items: [] }) }],
        ]}
      >
        <ClosedSearchPage />
      </TestApiProvider>,
      { mountedRoutes: { '/release': rootRouteRef } },
    );

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
    });
  });
});
