import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { releaseApiRef } from '../../api';
import { backendError } from '../../__testUtils__/backendError';
import { aRelease } from '../../__testUtils__/releaseFixtures';
import { RegisterReleaseDialog } from './RegisterReleaseDialog';

function renderDialog(registerRelease: jest.Mock) {
  const onRegistered = jest.fn();
  const addRelation = jest.fn().mockResolvedValue({});
  return {
    onRegistered,
    addRelation,
    rendered: renderInTestApp(
      <TestApiProvider
        apis={[
          [
            releaseApiRef,
            { registerRelease, addRelation, listPortfolios: async () => [] },
          ],
          [catalogApiRef, { getEntities: async () => ({ items: [] }) }],
        ]}
      >
        <RegisterReleaseDialog
          onClose={jest.fn()}
          onRegistered={onRegistered}
          initialCis={['component:default/orders-service']}
        />
      </TestApiProvider>,
    ),
  };
}

describe('RegisterReleaseDialog', () => {
  it('says which field is missing before calling the server', async () => {
    const registerRelease = jest.fn();
    await renderDialog(registerRelease).rendered;
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(screen.getByText('is required')).toBeInTheDocument();
    expect(registerRelease).not.toHaveBeenCalled();
  });

  it("shows the server's 400 on the field it names", async () => {
    const registerRelease = jest
      .fn()
      .mockRejectedValue(
        backendError(
          400,
          'InputError',
          'Invalid request: portfolioId: no portfolio p1',
        ),
      );
    await renderDialog(registerRelease).rendered;
    await userEvent.type(screen.getByLabelText(/Title/), 'Orders 2.4');
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('no portfolio p1')).toBeInTheDocument();
  });

  it('registers the release and relates the chosen CIs, with priority derived', async () => {
    const created = aRelease({ status: 'registered' });
    const registerRelease = jest.fn().mockResolvedValue(created);
    const { onRegistered, addRelation, rendered } =
      renderDialog(registerRelease);
    await rendered;
    expect(screen.getByLabelText('Priority')).toHaveValue('3 · medium');
    await userEvent.type(screen.getByLabelText(/Title/), 'Orders 2.4');
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    await waitFor(() => expect(onRegistered).toHaveBeenCalledWith(created));
    expect(registerRelease).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Orders 2.4',
        type: 'minor',
        impact: 'medium',
      }),
    );
    expect(addRelation).toHaveBeenCalledWith(created.id, {
      kind: 'ci',
      entityRef: 'component:default/orders-service',
      role: 'updated',
    });
  });
});
