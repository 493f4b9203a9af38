import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ReleaseApi, releaseApiRef } from '../../api';
import { ServiceStatusCard } from './ServiceStatusCard';

function renderWith(getHealth: ReleaseApi['getHealth']) {
  return renderInTestApp(
    <TestApiProvider apis={[[releaseApiRef, { getHealth }]]}>
      <ServiceStatusCard />
    </TestApiProvider>,
  );
}

describe('ServiceStatusCard', () => {
  it('says the release database is available', async () => {
    await renderWith(async () => ({ status: 'ok', database: true }));
    expect(
      await screen.findByText(/the release database is available/),
    ).toBeInTheDocument();
  });

  it('warns when the release database does not answer', async () => {
    await renderWith(async () => ({ status: 'unavailable', database: false }));
    expect(
      await screen.findByText(/the release database does not answer/),
    ).toBeInTheDocument();
  });

  it('shows the error when the service cannot be reached', async () => {
    await renderWith(async () => {
      throw new Error('connection refused');
    });
    expect(
      await screen.findByText('Error: connection refused'),
    ).toBeInTheDocument();
  });
});
