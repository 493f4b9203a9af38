import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import { ReleaseList } from '@internal/plugin-release-common';
import { releaseApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aListItem } from '../../__testUtils__/releaseFixtures';
import {
  afterRefetchWait,
  FakeSignalApi,
  WithSignals,
} from '../../__testUtils__/fakeSignals';
import { ReleaseDesktop } from './ReleaseDesktop';

function renderDesktop(options: {
  canRegister: boolean;
  listReleases?: jest.Mock;
  countAwaitingMyApproval?: jest.Mock;
  getBreakdown?: jest.Mock;
  /** Where the desktop opens, e.g. with filters in the address. */
  path?: string;
  /** The app's signal API; none when absent. */
  signals?: FakeSignalApi;
}) {
  const listReleases =
    options.listReleases ??
    jest.fn().mockResolvedValue({
      items: [aListItem()],
      totalCount: 1,
      countsByStatus: { executed: 1, closed: 7 },
    });
  const permissionApi = new MockPermissionApi(() =>
    options.canRegister ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  );
  const getBreakdown =
    options.getBreakdown ??
    jest.fn().mockResolvedValue({
      byStatus: { planning: 2, executed: 1 },
      byPriority: { '1': 1, '3': 2 },
      byExecutorGroup: [
        { group: 'group:default/payments-team', count: 2 },
        { group: null, count: 1 },
      ],
    });
  const countAwaitingMyApproval =
    options.countAwaitingMyApproval ?? jest.fn().mockResolvedValue(0);
  return {
    listReleases,
    getBreakdown,
    countAwaitingMyApproval,
    rendered: renderInTestApp(
      <TestApiProvider
        apis={[
          [
            releaseApiRef,
            {
              listReleases,
              getBreakdown,
              countAwaitingMyApproval,
              listPortfolios: async () => [],
            },
          ],
          [permissionApiRef, permissionApi],
        ]}
      >
        {/* A fresh permission cache per test: usePermission caches decisions. */}
        <SWRConfig value={{ provider: () => new Map() }}>
          <WithSignals signals={options.signals}>
            <ReleaseDesktop />
          </WithSignals>
        </SWRConfig>
      </TestApiProvider>,
      {
        mountedRoutes: { '/release': rootRouteRef },
        routeEntries: options.path ? [options.path] : undefined,
      },
    ),
  };
}

describe('ReleaseDesktop', () => {
  it('charts the active releases by status, priority and executor group, with the same filters', async () => {
    const { getBreakdown, rendered } = renderDesktop({ canRegister: true });
    await rendered;
    expect(await screen.findByLabelText('By status')).toHaveTextContent(
      'Planning 2 · Executed 1',
    );
    expect(screen.getByLabelText('By priority')).toHaveTextContent(
      '1 · critical 1 · 3 · medium 2',
    );
    expect(screen.getByLabelText('By executor group')).toHaveTextContent(
      'payments-team 2 · no group 1',
    );
    expect(getBreakdown).toHaveBeenCalledWith(
      expect.not.objectContaining({ limit: expect.anything() }),
    );
  });

  it('lists active releases with their window, current activity and the actions allowed now', async () => {
    await renderDesktop({ canRegister: true }).rendered;
    const table = await screen.findByRole('table', { name: 'Releases' });
    const row = within(table).getByText('REL-000042').closest('tr')!;
    expect(within(row).getByText('Orders service 2.4')).toBeInTheDocument();
    expect(within(row).getByText('Smoke test')).toBeInTheDocument();
    expect(within(row).getByText(/carla.mendes · 2 open/)).toBeInTheDocument();
    expect(
      within(row).getByRole('button', { name: 'Close' }),
    ).toBeInTheDocument();
    expect(
      within(row).queryByRole('button', { name: 'Plan' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Closed (7)' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(
      screen.getByRole('button', { name: 'Executed (1)' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('asks the server for the states picked with the chips', async () => {
    const { listReleases, rendered } = renderDesktop({ canRegister: true });
    await rendered;
    await screen.findByRole('table', { name: 'Releases' });
    await userEvent.click(screen.getByRole('button', { name: 'Closed (7)' }));
    const lastQuery = listReleases.mock.calls.at(-1)[0];
    expect(lastQuery.status).toEqual(
      expect.arrayContaining(['registered', 'executed', 'suspended', 'closed']),
    );
    expect(lastQuery).toMatchObject({
      limit: 25,
      offset: 0,
      orderBy: 'plannedStart',
    });
  });

  it('asks the server for the order of a column header and for the next page', async () => {
    const listReleases = jest.fn().mockResolvedValue({
      items: [aListItem()],
      totalCount: 60,
      countsByStatus: { executed: 60 },
    });
    await renderDesktop({ canRegister: true, listReleases }).rendered;
    const table = await screen.findByRole('table', { name: 'Releases' });
    // Only what the server can order by offers sorting.
    expect(
      within(table).queryByRole('button', { name: 'Type' }),
    ).not.toBeInTheDocument();

    await userEvent.click(within(table).getByRole('button', { name: 'Title' }));
    expect(listReleases.mock.calls.at(-1)[0]).toMatchObject({
      orderBy: 'title',
      order: 'asc',
      offset: 0,
    });

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(listReleases.mock.calls.at(-1)[0]).toMatchObject({
      orderBy: 'title',
      order: 'asc',
      limit: 25,
      offset: 25,
    });

    // The same header again: the other way round, from the first page.
    await userEvent.click(within(table).getByRole('button', { name: 'Title' }));
    expect(listReleases.mock.calls.at(-1)[0]).toMatchObject({
      orderBy: 'title',
      order: 'desc',
      offset: 0,
    });
  });

  it('offers buttons to the other release pages beside its header', async () => {
    await renderDesktop({ canRegister: true }).rendered;
    for (const name of [
      'Portfolios',
      'Calendar',
      'Closed releases',
      'Delivery',
      'Justifications',
    ]) {
      expect(await screen.findByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('disables registering for users without the permission', async () => {
    await renderDesktop({ canRegister: false }).rendered;
    await screen.findByRole('table', { name: 'Releases' });
    expect(
      screen.getByRole('button', { name: 'Register release' }),
    ).toBeDisabled();
  });

  it('says so when nothing matches', async () => {
    await renderDesktop({
      canRegister: true,
      listReleases: jest
        .fn()
        .mockResolvedValue({ items: [], totalCount: 0, countsByStatus: {} }),
    }).rendered;
    expect(await screen.findByText('No releases match')).toBeInTheDocument();
  });

  it('shows releases as they change, with one refetch for a burst of changes', async () => {
    const signals = new FakeSignalApi();
    let onServer: ReleaseList = {
      items: [aListItem()],
      totalCount: 1,
      countsByStatus: { executed: 1 },
    };
    const listReleases = jest.fn(async () => onServer);
    await renderDesktop({ canRegister: true, listReleases, signals }).rendered;
    const table = await screen.findByRole('table', { name: 'Releases' });
    expect(within(table).queryByText('REL-000043')).not.toBeInTheDocument();
    const callsBefore = listReleases.mock.calls.length;

    // Someone closes REL-000042 and registers and plans REL-000043.
    onServer = {
      items: [
        aListItem({ status: 'closed', allowedActions: ['reopen'] }),
        aListItem({
          id: '6f1c1d1e-0000-4000-8000-000000000043',
          number: 'REL-000043',
          title: 'Payments 1.2',
          status: 'planning',
          allowedActions: ['authorize'],
        }),
      ],
      totalCount: 2,
      countsByStatus: { closed: 1, planning: 1 },
    };
    signals.releaseChanged(
      { releaseId: '6f1c1d1e-0000-4000-8000-000000000001', version: 6 },
      { releaseId: '6f1c1d1e-0000-4000-8000-000000000043', version: 1 },
      { releaseId: '6f1c1d1e-0000-4000-8000-000000000043', version: 2 },
    );

    expect(
      await screen.findByText('Payments 1.2', {}, { timeout: 3000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Releases (2)')).toBeInTheDocument();
    const row = within(screen.getByRole('table', { name: 'Releases' }))
      .getByText('REL-000042')
      .closest('tr')!;
    expect(
      within(row).getByRole('button', { name: 'Reopen' }),
    ).toBeInTheDocument();
    expect(
      within(row).queryByRole('button', { name: 'Close' }),
    ).not.toBeInTheDocument();
    await afterRefetchWait();
    expect(listReleases).toHaveBeenCalledTimes(callsBefore + 1);
    // The same page, with the same filters.
    expect(listReleases.mock.calls.at(-1)).toEqual(
      listReleases.mock.calls.at(0),
    );
  }, 15_000);

  it('counts the releases awaiting my approval and lists only them when asked', async () => {
    const countAwaitingMyApproval = jest.fn().mockResolvedValue(3);
    const { listReleases, getBreakdown, rendered } = renderDesktop({
      canRegister: true,
      countAwaitingMyApproval,
    });
    await rendered;
    await screen.findByRole('table', { name: 'Releases' });
    // The count shows while the filter is off.
    const chip = await screen.findByRole('button', {
      name: 'Awaiting my approval (3)',
    });
    expect(chip).toHaveAttribute('aria-pressed', 'false');
    expect(listReleases.mock.calls.at(-1)[0].awaitingApprovalBy).toBe(
      undefined,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Closed (7)' }));
    await userEvent.click(chip);
    expect(
      screen.getByRole('button', { name: 'Awaiting my approval (3)' }),
    ).toHaveAttribute('aria-pressed', 'true');
    // Combined with the states picked, and in the charts too.
    const lastQuery = listReleases.mock.calls.at(-1)[0];
    expect(lastQuery).toMatchObject({ awaitingApprovalBy: 'me', offset: 0 });
    expect(lastQuery.status).toContain('closed');
    expect(getBreakdown.mock.calls.at(-1)[0]).toMatchObject({
      awaitingApprovalBy: 'me',
    });

    await userEvent.click(chip);
    expect(listReleases.mock.calls.at(-1)[0].awaitingApprovalBy).toBe(
      undefined,
    );
  });

  it('keeps the awaiting-my-approval filter in the address', async () => {
    const { listReleases, rendered } = renderDesktop({
      canRegister: true,
      countAwaitingMyApproval: jest.fn().mockResolvedValue(1),
      path: '/?awaitingApprovalBy=me&type=major',
    });
    await rendered;
    expect(
      await screen.findByRole('button', { name: 'Awaiting my approval (1)' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(listReleases).toHaveBeenCalledWith(
      expect.objectContaining({ awaitingApprovalBy: 'me', type: 'major' }),
    );
    expect(listReleases).not.toHaveBeenCalledWith(
      expect.not.objectContaining({ awaitingApprovalBy: 'me' }),
    );
  });

  it('offers the awaiting-approval state among the state toggles and in the chart', async () => {
    const { rendered } = renderDesktop({
      canRegister: true,
      listReleases: jest.fn().mockResolvedValue({
        items: [aListItem()],
        totalCount: 1,
        countsByStatus: { 'awaiting-approval': 4, executed: 1 },
      }),
      getBreakdown: jest.fn().mockResolvedValue({
        byStatus: { 'awaiting-approval': 4, executed: 1 },
        byPriority: {},
        byExecutorGroup: [],
      }),
    });
    await rendered;
    await screen.findByRole('table', { name: 'Releases' });
    // An open state: shown unless the user picks others.
    expect(
      screen.getByRole('button', { name: /^\S*awaiting.approval \(4\)$/i }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByLabelText('By status')).toHaveTextContent(
      /awaiting.approval 4 · Executed 1/i,
    );
  });

  it('shows the filter without a count when the count cannot be had', async () => {
    const { rendered } = renderDesktop({
      canRegister: true,
      countAwaitingMyApproval: jest
        .fn()
        .mockRejectedValue(new Error('Service unavailable')),
    });
    await rendered;
    await screen.findByRole('table', { name: 'Releases' });
    expect(
      screen.getByRole('button', { name: 'Awaiting my approval' }),
    ).toHaveAttribute('aria-pressed', 'false');
  });
});
