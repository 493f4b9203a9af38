import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { releaseApiRef } from '../../api';
import { invalidRequest } from '../../__testUtils__/backendError';
import { aRelease } from '../../__testUtils__/releaseFixtures';
import { RegisterReleaseDialog } from './RegisterReleaseDialog';

function renderDialog(registerRelease: jest.Mock) {
  const onRegistered = jest.fn();
  const addRelation = jest.fn();
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
        invalidRequest({ field: 'portfolioId', message: 'no portfolio p1' }),
      );
    await renderDialog(registerRelease).rendered;
    await userEvent.type(screen.getByLabelText(/Title/), 'Orders 2.4');
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('no portfolio p1')).toBeInTheDocument();
  });

  it('registers the release with the chosen CIs in one request, with priority derived', async () => {
    const created = aRelease({ status: 'registered' });
    const registerRelease = jest.fn().mockResolvedValue(created);
    const { onRegistered, addRelation, rendered } =
      renderDialog(registerRelease);
    await rendered;
    expect(screen.getByLabelText('Priority')).toHaveValue('3 · medium');
    await userEvent.type(screen.getByLabelText(/Title/), 'Orders 2.4');
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    await waitFor(() => expect(onRegistered).toHaveBeenCalledWith(created));
    expect(registerRelease).toHaveBeenCalledTimes(1);
    expect(registerRelease).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Orders 2.4',
        type: 'minor',
        impact: 'medium',
        cis: [
          { entityRef: 'component:default/orders-service', role: 'updated' },
        ],
      }),
    );
    expect(addRelation).not.toHaveBeenCalled();
  });

  it('names a CI the server refused on the CI picker, and registers nothing', async () => {
    const registerRelease = jest.fn().mockRejectedValue(
      invalidRequest({
        field: 'cis.0.entityRef',
        message: 'is not in the catalog',
      }),
    );
    const { onRegistered, rendered } = renderDialog(registerRelease);
    await rendered;
    await userEvent.type(screen.getByLabelText(/Title/), 'Orders 2.4');
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));

    expect(
      await screen.findByText('orders-service: is not in the catalog'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Configuration items')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByLabelText(/Title/)).toHaveAttribute(
      'aria-invalid',
      'false',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onRegistered).not.toHaveBeenCalled();
  });

  it('shows a wrong field the form does not show above the form', async () => {
    const registerRelease = jest
      .fn()
      .mockRejectedValue(
        invalidRequest({ field: 'requester', message: 'is not a user' }),
      );
    await renderDialog(registerRelease).rendered;
    await userEvent.type(screen.getByLabelText(/Title/), 'Orders 2.4');
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Invalid request: Requester: is not a user',
    );
  });
});
