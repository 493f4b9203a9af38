import { screen, waitFor, within } from '@testing-library/react';
import { renderOnEntityPage } from '../../__testUtils__/entityPage';
import {
  aDeliveryMetrics,
  emptyDeliveryMetrics,
} from '../../__testUtils__/deliveryFixtures';
import { EntityReleaseDeliveryCard } from './EntityReleaseDeliveryCard';

describe('EntityReleaseDeliveryCard', () => {
  it("shows the entity's headline figures over the last twelve months and a sparkline", async () => {
    const getDeliveryMetrics = jest.fn().mockResolvedValue(
      aDeliveryMetrics({
        scope: { entityRef: 'component:default/checkout-service' },
      }),
    );
    await renderOnEntityPage(<EntityReleaseDeliveryCard />, {
      getDeliveryMetrics,
    });

    const leadTime = await screen.findByRole('group', { name: 'Lead time' });
    expect(leadTime).toHaveTextContent('2 days, 4 hours');
    expect(within(leadTime).getByText('Medium')).toBeVisible();
    expect(
      screen.getByRole('group', { name: 'Release frequency' }),
    ).toHaveTextContent('1.0 per week');
    expect(
      screen.getByRole('group', { name: 'Change failure rate' }),
    ).toHaveTextContent('15%');
    expect(
      within(screen.getByRole('group', { name: 'Recovery time' })).getByText(
        'Elite',
      ),
    ).toBeVisible();
    expect(
      screen.getByRole('img', { name: 'Releases executed per month' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /Compare with other systems and groups/,
      }),
    ).toHaveAttribute('href', '/release/delivery');

    const [query] = getDeliveryMetrics.mock.calls[0];
    expect(query).toMatchObject({
      entityRef: 'component:default/checkout-service',
      bucket: 'month',
    });
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(365);
    expect(days).toBeLessThanOrEqual(366);
  });

  it('renders nothing for an entity without executed or closed releases', async () => {
    const getDeliveryMetrics = jest
      .fn()
      .mockResolvedValue(emptyDeliveryMetrics());
    const { container } = await renderOnEntityPage(
      <EntityReleaseDeliveryCard />,
      { getDeliveryMetrics },
    );

    await waitFor(() => expect(getDeliveryMetrics).toHaveBeenCalled());
    // Give the answer time to arrive: the card must stay away after it.
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.queryByText('Delivery')).not.toBeInTheDocument();
    expect(container).toBeEmptyDOMElement();
  });
});
