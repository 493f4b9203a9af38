import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { backendError } from '../../testUtils/backendError';
import { aRelease } from '../../testUtils/releaseFixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EditReleaseDialog } from './EditReleaseDialog';

function renderDialog(editRelease: jest.Mock) {
  const callbacks = {
    onClose: jest.fn(),
    onSaved: jest.fn(),
    onReload: jest.fn(),
  };
  return {
    ...callbacks,
    rendered: renderWithApis(
      <EditReleaseDialog release={aRelease()} {...callbacks} />,
      { editRelease },
    ),
  };
}

describe('EditReleaseDialog', () => {
  it('starts from the release and sends the version it was read at', async () => {
    const editRelease = jest
      .fn()
      .mockImplementation(async () =>
        aRelease({ title: 'Orders service 2.5' }),
      );
    const { rendered, onSaved } = renderDialog(editRelease);
    await rendered;
    expect(screen.getByText('Edit REL-000042')).toBeInTheDocument();
    const title = screen.getByLabelText('Title');
    expect(title).toHaveValue('Orders service 2.4');
    expect(screen.getByLabelText('Version')).toHaveValue('2.4.0');

    await userEvent.clear(title);
    await userEvent.type(title, 'Orders service 2.5');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(editRelease).toHaveBeenCalledWith(
      aRelease().id,
      expect.objectContaining({
        expectedVersion: 5,
        title: 'Orders service 2.5',
        businessJustification: 'Customers asked for it',
        manager: 'user:default/ana.souza',
        plannedStart: '2027-03-10T09:00:00.000Z',
        plannedEnd: '2027-03-10T11:00:00.000Z',
      }),
    );
    expect(onSaved).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Orders service 2.5' }),
    );
  });

  it('tells the user someone else changed the release, offers to reload and keeps what was typed', async () => {
    const editRelease = jest
      .fn()
      .mockRejectedValue(
        backendError(
          409,
          'ConflictError',
          'REL-000042 was changed by someone else (version 6, you had 5)',
        ),
      );
    const { rendered, onSaved, onReload } = renderDialog(editRelease);
    await rendered;
    const title = screen.getByLabelText('Title');
    await userEvent.clear(title);
    await userEvent.type(title, 'My careful rewording');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText(/Someone else changed this release/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('My careful rewording');
    expect(onSaved).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalled();
  });

  it('puts a refused field message on the field', async () => {
    const { rendered } = renderDialog(
      jest
        .fn()
        .mockRejectedValue(
          backendError(
            400,
            'InputError',
            'Invalid request: plannedEnd: must be after plannedStart',
          ),
        ),
    );
    await rendered;
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('must be after plannedStart'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Planned end')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });
});
