import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import {
  aDeliveryMetrics,
  emptyDeliveryMetrics,
} from '../../__testUtils__/deliveryFixtures';
import { DeliverySection } from './DeliverySection';

const DAY = 24 * 3600 * 1000;

/** The text of a headline figure's group: its name, value, level and detail. */
const figure = (name: string) => screen.getByRole('group', { name });

describe('DeliverySection', () => {
  it("shows a portfolio's four headline figures, each with its level", async () => {
    const getDeliveryMetrics = jest.fn().mockResolvedValue(aDeliveryMetrics());
    await renderWithApis(<DeliverySection portfolioId="p1" />, {
      getDeliveryMetrics,
    });

    expect(
      await screen.findByRole('group', { name: 'Release frequency' }),
    ).toHaveTextContent('1.0 per week');
    expect(within(figure('Release frequency')).getByText('High')).toBeVisible();
    expect(figure('Release frequency')).toHaveTextContent(
      '26 releases executed',
    );
    expect(figure('Lead time')).toHaveTextContent('2 days, 4 hours');
    expect(figure('Lead time')).toHaveTextContent('90th percentile 5 days');
    expect(within(figure('Lead time')).getByText('Medium')).toBeVisible();
    expect(figure('Change failure rate')).toHaveTextContent('15%');
    expect(figure('Change failure rate')).toHaveTextContent('3 of 20 closed');
    expect(
      within(figure('Change failure rate')).getByText('Low'),
    ).toBeVisible();
    expect(figure('Recovery time')).toHaveTextContent('5 hours');
    expect(figure('Recovery time')).toHaveTextContent('2 failures recovered');
    expect(within(figure('Recovery time')).getByText('Elite')).toBeVisible();

    // The portfolio over the last six months, by month, by default.
    const [query] = getDeliveryMetrics.mock.calls[0];
    expect(query).toMatchObject({ portfolioId: 'p1', bucket: 'month' });
    const months = (Date.parse(query.to) - Date.parse(query.from)) / DAY;
    expect(months).toBeGreaterThanOrEqual(181);
    expect(months).toBeLessThanOrEqual(184);
    // The trend charts are there, one per kind of figure.
    for (const chart of [
      'Releases per period',
      'Lead time and recovery (median, days)',
      'Change failure rate (%)',
    ]) {
      expect(screen.getByRole('figure', { name: chart })).toBeInTheDocument();
    }
  });

  it('lists the failed releases not yet recovered with their age, linking to each', async () => {
    await renderWithApis(<DeliverySection portfolioId="p1" />, {
      getDeliveryMetrics: jest.fn().mockResolvedValue(aDeliveryMetrics()),
    });

    const table = await screen.findByRole('table', {
      name: 'Failed releases not yet recovered',
    });
    const row = within(table).getByText('Payments gateway 3.0').closest('tr')!;
    expect(
      within(row).getByRole('link', { name: 'REL-000007' }),
    ).toHaveAttribute(
      'href',
      '/release/releases/6f1c1d1e-0000-4000-8000-000000000007',
    );
    expect(row).toHaveTextContent('3 days, 2 hours');
    expect(screen.queryByText(/more, failed after these/)).toBeNull();
  });

  it('says how many more failures there are than the oldest it lists', async () => {
    const metrics = aDeliveryMetrics();
    await renderWithApis(<DeliverySection portfolioId="p1" />, {
      getDeliveryMetrics: jest
        .fn()
        .mockResolvedValue({ ...metrics, unrecoveredTotal: 1358 }),
    });

    const table = await screen.findByRole('table', {
      name: 'Failed releases not yet recovered',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(
      screen.getByText('And 1357 more, failed after these.'),
    ).toBeVisible();
  });

  it('asks again for the chosen period and bucket', async () => {
    const getDeliveryMetrics = jest.fn().mockResolvedValue(aDeliveryMetrics());
    await renderWithApis(<DeliverySection portfolioId="p1" />, {
      getDeliveryMetrics,
    });
    await screen.findByRole('group', { name: 'Lead time' });

    fireEvent.mouseDown(screen.getByLabelText('Trend per'));
    await userEvent.click(await screen.findByRole('option', { name: 'Week' }));
    fireEvent.mouseDown(screen.getByLabelText('Period'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Last 12 months' }),
    );

    await waitFor(() => expect(getDeliveryMetrics).toHaveBeenCalledTimes(3));
    const [last] = getDeliveryMetrics.mock.calls[2];
    expect(last).toMatchObject({ portfolioId: 'p1', bucket: 'week' });
    const days = (Date.parse(last.to) - Date.parse(last.from)) / DAY;
    expect(days).toBeGreaterThanOrEqual(365);
    expect(days).toBeLessThanOrEqual(366);
  });

  it('downloads the figures as CSV with the header row in the user’s language', async () => {
    const exportDeliveryCsv = jest
      .fn()
      .mockResolvedValue(new Blob(['start,end\n']));
    URL.createObjectURL = jest.fn(() => 'blob:csv');
    URL.revokeObjectURL = jest.fn();
    await renderWithApis(<DeliverySection portfolioId="p1" />, {
      getDeliveryMetrics: jest.fn().mockResolvedValue(aDeliveryMetrics()),
      exportDeliveryCsv,
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Download CSV' }),
    );
    expect(exportDeliveryCsv).toHaveBeenCalledWith(
      expect.objectContaining({
        portfolioId: 'p1',
        bucket: 'month',
        language: 'en',
      }),
    );
  });

  it('says so when nothing was executed or closed in the period', async () => {
    await renderWithApis(<DeliverySection portfolioId="p1" />, {
      getDeliveryMetrics: jest.fn().mockResolvedValue(emptyDeliveryMetrics()),
    });

    expect(
      await screen.findByText(
        'No release was executed or closed in this period.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Lead time' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
  });
});
