import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReleaseImpact } from '@internal/plugin-release-common';
import { releaseApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aRelease } from '../../__testUtils__/releaseFixtures';
import { ImpactPanel } from './ImpactPanel';

const impact: ReleaseImpact = {
  releaseId: aRelease().id,
  depth: 3,
  relations: ['dependencyOf', 'partOf'],
  truncated: false,
  missing: ['component:default/retired-thing'],
  entities: [
    {
      entityRef: 'resource:default/orders-db',
      kind: 'resource',
      title: 'Orders database',
      owner: 'group:default/storefront-team',
      tags: [],
      lifecycle: null,
      distance: 0,
      via: 'resource:default/orders-db',
      path: [],
    },
    {
      entityRef: 'component:default/checkout-service',
      kind: 'component',
      title: 'Checkout',
      owner: 'group:default/storefront-team',
      tags: [],
      lifecycle: 'production',
      distance: 2,
      via: 'resource:default/orders-db',
      path: [
        {
          from: 'resource:default/orders-db',
          relation: 'dependencyOf',
          to: 'component:default/orders-service',
        },
        {
          from: 'component:default/orders-service',
          relation: 'dependencyOf',
          to: 'component:default/checkout-service',
        },
      ],
    },
  ],
};

function renderPanel(getImpact: jest.Mock) {
  return renderInTestApp(
    <TestApiProvider apis={[[releaseApiRef, { getImpact }]]}>
      <ImpactPanel release={aRelease()} />
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/release': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('ImpactPanel', () => {
  it('lists what the release reaches, how, and what the catalog lacks', async () => {
    const getImpact = jest.fn().mockResolvedValue(impact);
    await renderPanel(getImpact);

    expect(
      await screen.findByText('Impacted entities (2)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'orders-db —dependencyOf→ orders-service —dependencyOf→ checkout-service',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('related CI')).toBeInTheDocument();
    expect(
      screen.getByText(/Not in the catalog .*component:default\/retired-thing/),
    ).toBeInTheDocument();
    expect(getImpact).toHaveBeenCalledWith(aRelease().id, undefined);
  });

  it('walks again at the depth chosen', async () => {
    const getImpact = jest.fn().mockResolvedValue(impact);
    await renderPanel(getImpact);
    await screen.findByText('Impacted entities (2)');

    await userEvent.click(screen.getByLabelText('Depth'));
    await userEvent.click(await screen.findByRole('option', { name: '1 hop' }));
    expect(getImpact).toHaveBeenLastCalledWith(aRelease().id, 1);
  });

  it('says how to get an impact when no CI is related', async () => {
    await renderPanel(
      jest.fn().mockResolvedValue({ ...impact, entities: [], missing: [] }),
    );
    expect(await screen.findByText('No impact yet')).toBeInTheDocument();
  });

  it('shows progress, then the backend error', async () => {
    let fail: (error: Error) => void = () => {};
    await renderPanel(
      jest.fn(
        () =>
          new Promise<ReleaseImpact>((_, reject) => {
            fail = reject;
          }),
      ),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    fail(new Error('The catalog did not answer'));
    expect(
      await screen.findByText('Error: The catalog did not answer'),
    ).toBeInTheDocument();
  });
});
