import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  Justification,
  ReleaseHistoryEntry,
} from '@internal/plugin-release-common';
import { SWRConfig } from 'swr';
import { releaseApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aRelease } from '../../testUtils/releaseFixtures';
import { ReleaseDetailsPage } from './ReleaseDetailsPage';
import { Route, Routes } from 'react-router-dom';

function renderPage(canUpdate: boolean, release = aRelease()) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          releaseApiRef,
          {
            getRelease: async () => release,
            getHistory: async (): Promise<ReleaseHistoryEntry[]> => [
              {
                id: '1',
                releaseId: release.id,
                at: '2026-11-20T09:00:00.000Z',
                actor: 'user:default/guest',
                kind: 'transition',
                action: 'suspend',
                fromStatus: 'planning',
                toStatus: 'suspended',
                changes: {},
                justificationId: 'j1',
                comment: 'Freeze until January',
              },
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
          },
        ],
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
        <Routes>
          <Route
            path="/release/releases/:id"
            element={<ReleaseDetailsPage />}
          />
        </Routes>
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
      await screen.findByText('suspend: Planning → Suspended · guest'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Justification: Change freeze'),
    ).toBeInTheDocument();
    expect(screen.getByText('“Freeze until January”')).toBeInTheDocument();
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
      await screen.findByText('REL-000042 · <img src=x onerror="window.pwned=1">'),
    ).toBeInTheDocument();
    // Markdown renders; the raw HTML and the script link do not.
    expect(screen.getByText('Bold').tagName).toBe('STRONG');
    expect(document.querySelector('script:not([src])')).toBeNull();
    expect(document.querySelector('img[onerror]')).toBeNull();
    expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
    expect((window as any).pwned).toBeUndefined();
  });
});
