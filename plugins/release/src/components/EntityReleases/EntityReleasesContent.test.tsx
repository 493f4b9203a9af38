import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  EntityReleaseItem,
  ReleaseList,
} from '@internal/plugin-release-common';
import { aListItem } from '../../__testUtils__/releaseFixtures';
import { EntityReleasesContent } from './EntityReleasesContent';
import { renderOnEntityPage } from '../../__testUtils__/entityPage';
import {
  afterRefetchWait,
  FakeSignalApi,
} from '../../__testUtils__/fakeSignals';

const direct: EntityReleaseItem = {
  ...aListItem({ id: 'r1', number: 'REL-000001', title: 'Checkout fix' }),
  status: 'planning',
  touch: { kind: 'direct', role: 'updated' },
};
const impacted: EntityReleaseItem = {
  ...aListItem({ id: 'r2', number: 'REL-000002', title: 'Orders DB upgrade' }),
  status: 'authorized',
  touch: {
    kind: 'impacted',
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
};
const closed: EntityReleaseItem = {
  ...aListItem({ id: 'r3', number: 'REL-000003', title: 'Checkout patch' }),
  status: 'closed',
  touch: { kind: 'direct', role: 'retired' },
};
const list = (items: EntityReleaseItem[]): ReleaseList => ({
  items,
  totalCount: items.length,
  countsByStatus: {},
});

describe('EntityReleasesContent', () => {
  it('lists open releases touching the entity directly or through impact, with the path, and the latest finished', async () => {
    const listReleases = jest
      .fn()
      .mockResolvedValueOnce(list([direct, impacted]))
      .mockResolvedValueOnce(list([closed]));
    await renderOnEntityPage(<EntityReleasesContent />, { listReleases });

    expect(await screen.findByText('Open releases (2)')).toBeInTheDocument();
    const directRow = screen.getByRole('row', { name: /REL-000001/ });
    expect(within(directRow).getByText('Direct · updated')).toBeInTheDocument();
    expect(
      within(directRow).getByRole('link', { name: 'REL-000001' }),
    ).toHaveAttribute('href', '/release/releases/r1');
    const impactedRow = screen.getByRole('row', { name: /REL-000002/ });
    expect(
      within(impactedRow).getByText('Impacted · 2 hops'),
    ).toBeInTheDocument();
    expect(
      within(impactedRow).getByText(
        'orders-db —dependencyOf→ orders-service —dependencyOf→ checkout-service',
      ),
    ).toBeInTheDocument();
    expect(listReleases).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/checkout-service',
        includeImpacted: true,
        status: expect.arrayContaining(['planning', 'suspended']),
      }),
    );
    expect(
      screen.getByRole('row', { name: /REL-000003 Checkout patch/ }),
    ).toBeInTheDocument();
    expect(listReleases).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/checkout-service',
        includeImpacted: true,
        status: ['closed', 'cancelled'],
        orderBy: 'closedAt',
        order: 'desc',
        limit: 10,
      }),
    );
  });

  it('says so when nothing touches the entity', async () => {
    await renderOnEntityPage(<EntityReleasesContent />, {
      listReleases: jest.fn().mockResolvedValue(list([])),
    });
    expect(
      await screen.findByText(/No open release changes this entity/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No closed or cancelled release has touched/),
    ).toBeInTheDocument();
  });

  it('shows progress while loading and the error when the backend fails', async () => {
    let fail: (error: Error) => void = () => {};
    const listReleases = jest.fn(
      () =>
        new Promise<ReleaseList>((_, reject) => {
          fail = reject;
        }),
    );
    await renderOnEntityPage(<EntityReleasesContent />, { listReleases });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    fail(new Error('Release backend unavailable'));
    expect(
      await screen.findByText('Error: Release backend unavailable'),
    ).toBeInTheDocument();
  });

  it('offers registering a release for the entity only to those who may', async () => {
    const listReleases = jest.fn().mockResolvedValue(list([]));
    const { unmount } = await renderOnEntityPage(
      <EntityReleasesContent />,
      { listReleases },
      { canCreate: false },
    );
    await screen.findByText('Open releases (0)');
    expect(
      screen.queryByRole('button', { name: 'Register release' }),
    ).not.toBeInTheDocument();
    unmount();

    await renderOnEntityPage(
      <EntityReleasesContent />,
      { listReleases, listPortfolios: jest.fn().mockResolvedValue([]) },
      { canCreate: true },
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Register release' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText('Checkout service (Component)'),
    ).toBeInTheDocument();
  });

  it('refetches when a change concerns the entity, and only then', async () => {
    const signals = new FakeSignalApi();
    let open = [direct];
    const listReleases = jest.fn(
      async (query: { status: string[] }): Promise<ReleaseList> =>
        list(query.status.includes('closed') ? [] : open),
    );
    await renderOnEntityPage(
      <EntityReleasesContent />,
      { listReleases },
      { signals },
    );
    expect(await screen.findByText('Open releases (1)')).toBeInTheDocument();
    const callsBefore = listReleases.mock.calls.length;

    // Another entity's release: nothing to refetch.
    signals.releaseChanged({
      releaseId: 'r9',
      version: 2,
      entityRefs: ['component:default/orders-service'],
    });
    await afterRefetchWait();
    expect(listReleases).toHaveBeenCalledTimes(callsBefore);

    // A release now reaching checkout-service through its dependencies.
    open = [direct, impacted];
    signals.releaseChanged({
      releaseId: 'r2',
      version: 3,
      entityRefs: [
        'component:default/checkout-service',
        'resource:default/orders-db',
      ],
    });
    expect(
      await screen.findByText('Open releases (2)', {}, { timeout: 3000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /REL-000002/ })).toBeInTheDocument();
    expect(listReleases).toHaveBeenCalledTimes(callsBefore + 2);

    // One touching too many entities to list may concern this one.
    open = [impacted];
    signals.releaseChanged({ releaseId: 'r1', version: 7 });
    expect(
      await screen.findByText('Open releases (1)', {}, { timeout: 3000 }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('row', { name: /REL-000001/ }),
    ).not.toBeInTheDocument();
  }, 15_000);
});
