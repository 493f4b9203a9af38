import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { Justification, ReleaseDetails } from '@internal/plugin-release-common';
import { SWRConfig } from 'swr';
import { ReleaseApi, releaseApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  afterRefetchWait,
  FakeSignalApi,
  WithSignals,
} from '../../__testUtils__/fakeSignals';
import { backendError } from '../../__testUtils__/backendError';
import { aRelease, historyEntry } from '../../__testUtils__/releaseFixtures';
import { ReleaseDetailsPage } from './ReleaseDetailsPage';
import { Route, Routes } from 'react-router-dom';

/**
 * Renders the page of `release`; `api` replaces parts of the release API,
 * and with `signals` the app has that signal API.
 */
function renderPage(
  canUpdate: boolean,
  release = aRelease(),
  options: { api?: Partial<ReleaseApi>; signals?: FakeSignalApi } = {},
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          releaseApiRef,
          {
            getRelease: async () => release,
            getHistory: async () => [
              historyEntry({
                releaseId: release.id,
                kind: 'transition',
                action: 'suspend',
                fromStatus: 'planning',
                toStatus: 'suspended',
                justificationId: 'j1',
                comment: 'Freeze until January',
              }),
            ],
            listJustifications: async (): Promise<Justification[]> => [
              {
                id: 'j1',
                name: 'Change freeze',
                description: '',
                active: true,
                appliesTo: ['suspend'],
              },
            ],
            ...options.api,
          },
        ],
        // The edit dialog's pickers offer catalog entities.
        [catalogApiRef, { getEntities: async () => ({ items: [] }) }],
        [
          permissionApiRef,
          new MockPermissionApi(() =>
            canUpdate ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          ),
        ],
      ]}
    >
      {/* A fresh permission cache per test: usePermission caches decisions. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <WithSignals signals={options.signals}>
          <Routes>
            <Route
              path="/release/releases/:id"
              element={<ReleaseDetailsPage />}
            />
          </Routes>
        </WithSignals>
      </SWRConfig>
    </TestApiProvider>,
    {
      routeEntries: [`/release/releases/${release.id}`],
      mountedRoutes: {
        '/release': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('ReleaseDetailsPage', () => {
  it('shows the record and only the actions the caller may do now', async () => {
    await renderPage(true);
    expect(
      await screen.findByText('REL-000042 · Orders service 2.4'),
    ).toBeInTheDocument();
    for (const action of ['Rework', 'Close', 'Cancel release']) {
      expect(screen.getByRole('button', { name: action })).toBeInTheDocument();
    }
    expect(
      screen.queryByRole('button', { name: 'Authorize' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('Customers asked for it')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit' })).toBeEnabled();
  });

  it('disables editing for callers without the permission', async () => {
    await renderPage(
      false,
      aRelease({ id: '6f1c1d1e-0000-4000-8000-000000000099' }),
    );
    await screen.findByText('REL-000042 · Orders service 2.4');
    expect(screen.getByRole('button', { name: 'Edit' })).toBeDisabled();
  });

  it('shows the history with who did what and why', async () => {
    await renderPage(true);
    await userEvent.click(await screen.findByRole('tab', { name: 'History' }));
    expect(
      await screen.findByText('Suspend: Planning → Suspended · guest'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Justification: Change freeze'),
    ).toBeInTheDocument();
    expect(screen.getByText('“Freeze until January”')).toBeInTheDocument();
  });

  it("shows a level the risk assessment set and a manager's justified level in the history", async () => {
    await renderPage(true, aRelease(), {
      api: {
        getHistory: async () => [
          historyEntry({
            kind: 'edited',
            action: 'risk-assessed',
            actor: 'plugin:release',
            changes: { risk: { before: 'low', after: 'medium' } },
          }),
          historyEntry({
            kind: 'edited',
            action: 'edit',
            actor: 'user:default/ana.souza',
            changes: {
              risk: { before: 'medium', after: 'high' },
              riskJustification: { before: null, after: 'Month-end close' },
            },
          }),
        ],
      },
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'History' }));
    expect(await screen.findByText(/Risk assessed again/)).toBeInTheDocument();
    expect(screen.getByText('Risk: low → medium')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Risk: medium → high; Risk justification: — → Month-end close',
      ),
    ).toBeInTheDocument();
  });

  it('shows hostile text as text: no markup from a title or a description runs', async () => {
    const hostile = aRelease({
      id: '6f1c1d1e-0000-4000-8000-000000000066',
      title: '<img src=x onerror="window.pwned=1">',
      description:
        '**Bold** <script>window.pwned=2</script><img src=x onerror="window.pwned=3"> [link](javascript:window.pwned=4)',
    });
    await renderPage(true, hostile);
    expect(
      await screen.findByText(
        'REL-000042 · <img src=x onerror="window.pwned=1">',
      ),
    ).toBeInTheDocument();
    // Markdown renders; the raw HTML and the script link do not.
    expect(screen.getByText('Bold').tagName).toBe('STRONG');
    expect(document.querySelector('script:not([src])')).toBeNull();
    expect(document.querySelector('img[onerror]')).toBeNull();
    expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
    expect((window as any).pwned).toBeUndefined();
  });

  describe('live updates', () => {
    const release = aRelease();
    const closed = aRelease({
      status: 'closed',
      outcome: 'successful',
      version: 6,
      title: 'Orders service 2.4, closed',
      allowedActions: ['reopen'],
    });

    /** Answers `getRelease` with each copy in turn, then the last again. */
    const serving = (...copies: ReleaseDetails[]) => {
      let served = 0;
      // A new object each time, as the client parses each response anew.
      return jest.fn(async () => ({
        ...copies[Math.min(served++, copies.length - 1)],
      }));
    };

    it('shows what someone else changed without a reload', async () => {
      const signals = new FakeSignalApi();
      const getRelease = serving(release, closed);
      await renderPage(true, release, { api: { getRelease }, signals });
      expect(
        await screen.findByText('REL-000042 · Orders service 2.4'),
      ).toBeInTheDocument();
      expect(screen.getByText('Executed')).toBeInTheDocument();

      signals.releaseChanged({ releaseId: release.id, version: 6 });

      expect(
        await screen.findByText(
          'REL-000042 · Orders service 2.4, closed',
          {},
          { timeout: 3000 },
        ),
      ).toBeInTheDocument();
      expect(screen.getByText('Closed')).toBeInTheDocument();
      expect(
        screen.getByRole('button', { name: 'Reopen' }),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: 'Rework' }),
      ).not.toBeInTheDocument();
      expect(getRelease).toHaveBeenCalledTimes(2);
    }, 15_000);

    it('does not refetch for a change to another release', async () => {
      const signals = new FakeSignalApi();
      const getRelease = serving(release, closed);
      await renderPage(true, release, { api: { getRelease }, signals });
      await screen.findByText('REL-000042 · Orders service 2.4');

      signals.releaseChanged({
        releaseId: '6f1c1d1e-0000-4000-8000-000000000002',
        version: 3,
        entityRefs: [],
      });
      await afterRefetchWait();

      expect(getRelease).toHaveBeenCalledTimes(1);
      expect(screen.getByText('Executed')).toBeInTheDocument();
    }, 15_000);

    it('keeps what is typed in the edit dialog, and saves against the version it opened with until reloaded', async () => {
      const signals = new FakeSignalApi();
      const renamed = aRelease({ title: 'Orders service 2.5', version: 6 });
      const reviewed = aRelease({ title: 'Orders service 2.5.1', version: 7 });
      const getRelease = serving(release, renamed, reviewed);
      const editRelease = jest
        .fn()
        .mockRejectedValueOnce(
          backendError(
            409,
            'ConflictError',
            'REL-000042 was changed by someone else: you sent version 5, it is now at version 6. Reload it and try again.',
          ),
        )
        .mockResolvedValue(aRelease({ title: 'My careful title', version: 7 }));
      await renderPage(true, release, {
        api: { getRelease, editRelease },
        signals,
      });
      await userEvent.click(
        await screen.findByRole('button', { name: 'Edit' }),
      );
      const dialog = await screen.findByRole('dialog');
      const title = within(dialog).getByLabelText('Title');
      await userEvent.clear(title);
      await userEvent.type(title, 'My careful title');

      signals.releaseChanged({ releaseId: release.id, version: 6 });
      expect(
        await screen.findByText(
          'REL-000042 · Orders service 2.5',
          {},
          { timeout: 3000 },
        ),
      ).toBeInTheDocument();
      expect(within(dialog).getByLabelText('Title')).toHaveValue(
        'My careful title',
      );

      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Save' }),
      );
      const warning = await within(dialog).findByRole('alert');
      expect(editRelease).toHaveBeenLastCalledWith(
        release.id,
        expect.objectContaining({
          expectedVersion: 5,
          title: 'My careful title',
        }),
      );
      expect(within(dialog).getByLabelText('Title')).toHaveValue(
        'My careful title',
      );

      await userEvent.click(
        within(warning).getByRole('button', { name: 'Reload' }),
      );
      await screen.findByText('REL-000042 · Orders service 2.5.1');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Save' }),
      );
      expect(editRelease).toHaveBeenLastCalledWith(
        release.id,
        expect.objectContaining({
          expectedVersion: 7,
          title: 'My careful title',
        }),
      );
    }, 20_000);

    it('keeps showing the release when a refresh fails', async () => {
      const signals = new FakeSignalApi();
      const getRelease = jest
        .fn()
        .mockResolvedValueOnce(release)
        .mockRejectedValue(new Error('Release backend unavailable'));
      await renderPage(true, release, { api: { getRelease }, signals });
      await screen.findByText('REL-000042 · Orders service 2.4');

      signals.releaseChanged({ releaseId: release.id, version: 6 });

      expect(
        await screen.findByText(
          /Release backend unavailable/,
          {},
          { timeout: 3000 },
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByText('REL-000042 · Orders service 2.4'),
      ).toBeInTheDocument();
    }, 15_000);
  });
});
