import { screen } from '@testing-library/react';
import { EntityReleaseOverview } from '@internal/plugin-release-common';
import { aListItem } from '../../__testUtils__/releaseFixtures';
import { EntityReleasesCard } from './EntityReleasesCard';
import { renderOnEntityPage } from '../../__testUtils__/entityPage';
import { FakeSignalApi } from '../../__testUtils__/fakeSignals';

const release = {
  id: 'r1',
  number: 'REL-000001',
  title: 'Checkout fix',
  status: 'planning' as const,
  manager: null,
  priority: 3 as const,
  window: {
    start: '2027-03-10T09:00:00.000Z',
    end: '2027-03-10T11:00:00.000Z',
  },
};

const overview: EntityReleaseOverview = {
  entityRef: 'component:default/checkout-service',
  inFlight: 3,
  countsByStatus: { planning: 2, authorized: 1 },
  next: {
    ...aListItem({ id: 'r1', number: 'REL-000001', title: 'Checkout fix' }),
    touch: { kind: 'direct', role: 'updated' },
  },
  conflicts: [
    {
      release,
      conflict: {
        release: { ...release, id: 'r2', number: 'REL-000002' },
        window: release.window,
        sharedEntityRefs: ['component:default/checkout-service'],
      },
    },
  ],
  blackouts: [
    {
      release,
      blackout: {
        name: 'Year-end payments freeze',
        description: null,
        start: '2027-03-09T00:00:00.000Z',
        end: '2027-03-12T00:00:00.000Z',
        recurrence: 'none',
        entityRefs: [],
        tags: [],
        matchedEntityRefs: [],
      },
    },
  ],
};

describe('EntityReleasesCard', () => {
  it('shows releases in flight, the next window and the warnings', async () => {
    const getEntityOverview = jest.fn().mockResolvedValue(overview);
    await renderOnEntityPage(<EntityReleasesCard />, { getEntityOverview });

    expect(await screen.findByText('3')).toBeInTheDocument();
    expect(screen.getByText(/releases in flight/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'REL-000001' })).toHaveAttribute(
      'href',
      '/release/releases/r1',
    );
    expect(
      screen.getByText('REL-000001 overlaps REL-000002 on checkout-service'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/REL-000001 falls in blackout Year-end payments freeze/),
    ).toBeInTheDocument();
    expect(getEntityOverview).toHaveBeenCalledWith(
      'component:default/checkout-service',
    );
  });

  it('says when no window is ahead and warns of nothing', async () => {
    await renderOnEntityPage(<EntityReleasesCard />, {
      getEntityOverview: jest.fn().mockResolvedValue({
        ...overview,
        inFlight: 0,
        next: null,
        conflicts: [],
        blackouts: [],
      }),
    });
    expect(
      await screen.findByText('No planned window ahead.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows loading, then the error', async () => {
    let fail: (error: Error) => void = () => {};
    await renderOnEntityPage(<EntityReleasesCard />, {
      getEntityOverview: jest.fn(
        () =>
          new Promise<EntityReleaseOverview>((_, reject) => {
            fail = reject;
          }),
      ),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    fail(new Error('Release backend unavailable'));
    expect(
      await screen.findByText('Error: Release backend unavailable'),
    ).toBeInTheDocument();
  });

  it('refetches when a change concerns the entity', async () => {
    const signals = new FakeSignalApi();
    const getEntityOverview = jest
      .fn()
      .mockResolvedValueOnce(overview)
      .mockResolvedValue({ ...overview, inFlight: 4 });
    await renderOnEntityPage(
      <EntityReleasesCard />,
      { getEntityOverview },
      { signals },
    );
    expect(await screen.findByText('3')).toBeInTheDocument();

    signals.releaseChanged({
      releaseId: 'r7',
      version: 1,
      entityRefs: ['component:default/checkout-service'],
    });

    expect(
      await screen.findByText('4', {}, { timeout: 3000 }),
    ).toBeInTheDocument();
    expect(getEntityOverview).toHaveBeenCalledTimes(2);
  }, 15_000);
});
