import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { releaseApiRef } from '../../api';
import { ReleaseHomePage } from './ReleaseHomePage';

describe('ReleaseHomePage', () => {
  it('shows the release management page with the service status', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            releaseApiRef,
            {
              getHealth: async () => ({
                status: 'ok' as const,
                database: true,
              }),
            },
          ],
        ]}
      >
        <ReleaseHomePage />
      </TestApiProvider>,
    );
    expect(
      screen.getByRole('heading', { name: 'Release management' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Release service')).toBeInTheDocument();
  });
});
