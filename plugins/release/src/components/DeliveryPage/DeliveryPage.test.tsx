import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { aComparison } from '../../__testUtils__/deliveryFixtures';
import { DeliveryPage } from './DeliveryPage';

/** The first cell of each body row, top to bottom. */
const firstCells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell')[0].textContent);

describe('DeliveryPage', () => {
  it('compares executor groups side by side, each row linking to its group', async () => {
    const getDeliveryComparison = jest
      .fn()
      .mockImplementation(async ({ dimension }) => aComparison(dimension));
    await renderWithApis(<DeliveryPage />, { getDeliveryComparison });

    const table = await screen.findByRole('table', {
      name: 'Delivery comparison',
    });
    expect(getDeliveryComparison).toHaveBeenCalledWith(
      expect.objectContaining({ dimension: 'executorGroup' }),
    );
    for (const header of [
      'Executor group',
      'Release frequency',
      'Lead time',
      'Change failure rate',
      'Recovery time',
      'Rework rate',
      'Executed',
    ]) {
      expect(
        within(table).getByRole('columnheader', { name: header }),
      ).toBeInTheDocument();
    }
    const payments = within(table)
      .getByRole('link', { name: /payments-team/ })
      .closest('tr')!;
    expect(
      within(payments).getByRole('link', { name: /payments-team/ }),
    ).toHaveAttribute('href', '/catalog/default/group/payments-team');
    expect(payments).toHaveTextContent('25%');
    expect(within(payments).getByText('Low')).toBeVisible();
    expect(payments).toHaveTextContent('12');
    const storefront = within(table)
      .getByRole('link', { name: /storefront-team/ })
      .closest('tr')!;
    expect(storefront).toHaveTextContent('5%');
    // A figure without a value has no level.
    expect(within(storefront).getByText('No level')).toBeVisible();
  });

  it('sorts the rows by a figure', async () => {
    await renderWithApis(<DeliveryPage />, {
      getDeliveryComparison: async ({ dimension }) => aComparison(dimension),
    });
    const table = await screen.findByRole('table', {
      name: 'Delivery comparison',
    });
    expect(firstCells(table)).toEqual(['payments-team', 'storefront-team']);

    await userEvent.click(
      within(table).getByRole('button', { name: 'Change failure rate' }),
    );
    expect(firstCells(table)).toEqual(['storefront-team', 'payments-team']);
    await userEvent.click(
      within(table).getByRole('button', { name: 'Change failure rate' }),
    );
    expect(firstCells(table)).toEqual(['payments-team', 'storefront-team']);
  });

  it('switches to systems, each row linking to its system', async () => {
    const getDeliveryComparison = jest
      .fn()
      .mockImplementation(async ({ dimension }) => aComparison(dimension));
    await renderWithApis(<DeliveryPage />, { getDeliveryComparison });
    await screen.findByRole('table', { name: 'Delivery comparison' });

    fireEvent.mouseDown(screen.getByLabelText('Compare'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Systems' }),
    );

    await waitFor(() =>
      expect(
        screen.getByRole('columnheader', { name: 'System' }),
      ).toBeInTheDocument(),
    );
    expect(getDeliveryComparison).toHaveBeenLastCalledWith(
      expect.objectContaining({ dimension: 'system' }),
    );
    expect(screen.getByRole('link', { name: /storefront/ })).toHaveAttribute(
      'href',
      '/catalog/default/system/storefront',
    );
    expect(screen.queryByRole('link', { name: /storefront-team/ })).toBeNull();
  });

  it('says so when no release was executed or closed in the period', async () => {
    await renderWithApis(<DeliveryPage />, {
      getDeliveryComparison: async ({ dimension }) => ({
        ...aComparison(dimension),
        rows: [],
      }),
    });
    expect(
      await screen.findByText(
        'No releases were executed or closed in this period.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
