import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { ReleaseConflicts } from '@internal/plugin-release-common';
import { releaseApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aRelease } from '../../__testUtils__/releaseFixtures';
import { ConflictsPanel } from './ConflictsPanel';

const window = {
  start: '2027-03-10T09:00:00.000Z',
  end: '2027-03-10T11:00:00.000Z',
};

function renderPanel(result: ReleaseConflicts | Promise<ReleaseConflicts>) {
  return renderInTestApp(
    <TestApiProvider
      apis={[[releaseApiRef, { getConflicts: jest.fn(async () => result) }]]}
    >
      <ConflictsPanel release={aRelease()} />
    </TestApiProvider>,
    { mountedRoutes: { '/release': rootRouteRef } },
  );
}

describe('ConflictsPanel', () => {
  it('names overlapping releases with the shared entities, and blackouts', async () => {
    await renderPanel({
      window,
      conflicts: [
        {
          release: {
            id: 'other',
            number: 'REL-000007',
            title: 'Checkout rollout',
            status: 'authorized',
            manager: null,
            priority: 3,
            window: {
              start: '2027-03-10T10:00:00.000Z',
              end: '2027-03-10T12:00:00.000Z',
            },
          },
          window,
          sharedEntityRefs: ['component:default/checkout-service'],
        },
      ],
      blackouts: [
        {
          name: 'Year-end payments freeze',
          description: null,
          start: '2027-03-09T00:00:00.000Z',
          end: '2027-03-12T00:00:00.000Z',
          recurrence: 'none',
          entityRefs: ['system:default/payments'],
          tags: [],
          matchedEntityRefs: ['system:default/payments'],
        },
      ],
    });
    const overlapping = await screen.findByRole('list', {
      name: 'Overlapping releases',
    });
    expect(
      within(overlapping).getByRole('link', { name: 'REL-000007' }),
    ).toHaveAttribute('href', '/release/releases/other');
    expect(
      within(overlapping).getByText(/both touch checkout-service/),
    ).toBeInTheDocument();
    const blackouts = screen.getByRole('list', { name: 'Blackout windows' });
    expect(
      within(blackouts).getByText('Year-end payments freeze'),
    ).toBeInTheDocument();
    expect(
      within(blackouts).getByText(/applies through payments/),
    ).toBeInTheDocument();
    expect(screen.getByText(/needs an override/)).toBeInTheDocument();
  });

  it('says when the window is clear', async () => {
    await renderPanel({ window, conflicts: [], blackouts: [] });
    expect(
      await screen.findByText(/No open release overlaps/),
    ).toBeInTheDocument();
  });

  it('asks for a window first', async () => {
    await renderPanel({ window: null, conflicts: [], blackouts: [] });
    expect(
      await screen.findByText(/Plan a window \(start and end\)/),
    ).toBeInTheDocument();
  });

  it('shows progress, then the backend error', async () => {
    let fail: (error: Error) => void = () => {};
    await renderPanel(
      new Promise<ReleaseConflicts>((_, reject) => {
        fail = reject;
      }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    fail(new Error('The catalog did not answer'));
    expect(
      await screen.findByText('Error: The catalog did not answer'),
    ).toBeInTheDocument();
  });
});
