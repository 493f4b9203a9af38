import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReleaseDetails } from '@internal/plugin-release-common';
import { backendError, invalidRequest } from '../../__testUtils__/backendError';
import { aRelease } from '../../__testUtils__/releaseFixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EditReleaseDialog } from './EditReleaseDialog';

const release = aRelease();

const STALE_WARNING =
  'Someone else changed this release. Reload it to see their changes; what you typed here is kept.';

/** The backend's 409 for an edit based on an outdated copy. */
const staleVersion = () =>
  backendError(
    409,
    'ConflictError',
    'REL-000042 was changed by someone else: you sent version 5, it is now at version 6. Reload it and try again.',
  );

async function renderDialog(editRelease: jest.Mock) {
  const callbacks = {
    onClose: jest.fn(),
    onSaved: jest.fn(),
    onReload: jest.fn(),
  };
  await renderWithApis(<EditReleaseDialog release={release} {...callbacks} />, {
    editRelease,
  });
  return callbacks;
}

/** The request the dialog sent, split into the version and the fields. */
function sentRequest(editRelease: jest.Mock) {
  expect(editRelease).toHaveBeenCalledTimes(1);
  const [id, { expectedVersion, ...fields }] = editRelease.mock.calls[0];
  return { id, expectedVersion, fields };
}

/** The fields of the release as they were before the edit. */
function unchanged(fields: object, ...changed: string[]) {
  return Object.fromEntries(
    Object.keys(fields)
      .filter(key => !changed.includes(key))
      .map(key => [key, release[key as keyof ReleaseDetails]]),
  );
}

function withoutKeys(fields: object, ...keys: string[]) {
  return Object.fromEntries(
    Object.entries(fields).filter(([key]) => !keys.includes(key)),
  );
}

describe('EditReleaseDialog', () => {
  it('starts from the release as it was read', async () => {
    await renderDialog(jest.fn());

    expect(screen.getByText('Edit REL-000042')).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Orders service 2.4');
    expect(screen.getByLabelText('Description (Markdown)')).toHaveValue(
      'Split payments',
    );
    expect(screen.getByLabelText('Business justification')).toHaveValue(
      'Customers asked for it',
    );
    expect(screen.getByLabelText('Version')).toHaveValue('2.4.0');
    expect(await screen.findByDisplayValue('Ana Souza')).toBe(
      screen.getByLabelText('Manager'),
    );
    // The planned times show in the user's own time zone, at the same instant.
    const start = screen.getByLabelText('Planned start') as HTMLInputElement;
    const end = screen.getByLabelText('Planned end') as HTMLInputElement;
    expect(new Date(start.value).toISOString()).toBe(release.plannedStart);
    expect(new Date(end.value).toISOString()).toBe(release.plannedEnd);
  });

  it('sends the version it was read at with the changed title, and leaves the rest as it was', async () => {
    const saved = aRelease({ title: 'Orders service 2.5', version: 6 });
    const editRelease = jest.fn().mockResolvedValue(saved);
    const { onSaved, onClose } = await renderDialog(editRelease);

    const title = screen.getByLabelText('Title');
    await userEvent.clear(title);
    await userEvent.type(title, 'Orders service 2.5');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const { id, expectedVersion, fields } = sentRequest(editRelease);
    expect(id).toBe(release.id);
    expect(expectedVersion).toBe(5);
    expect(fields.title).toBe('Orders service 2.5');
    // Whatever else is sent is exactly what the release already holds.
    expect(withoutKeys(fields, 'title')).toEqual(unchanged(fields, 'title'));
    expect(onSaved).toHaveBeenCalledWith(saved);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('sends a cleared manager and justification as empty, and a new planned end as an instant', async () => {
    const editRelease = jest.fn().mockResolvedValue(release);
    await renderDialog(editRelease);
    await screen.findByDisplayValue('Ana Souza');

    await userEvent.clear(screen.getByLabelText('Business justification'));
    await userEvent.clear(screen.getByLabelText('Version'));
    await userEvent.clear(screen.getByLabelText('Manager'));
    fireEvent.change(screen.getByLabelText('Planned end'), {
      target: { value: '2027-03-10T13:30' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const { expectedVersion, fields } = sentRequest(editRelease);
    expect(expectedVersion).toBe(5);
    expect(fields).toMatchObject({
      businessJustification: null,
      versionLabel: null,
      manager: null,
      plannedEnd: new Date('2027-03-10T13:30').toISOString(),
    });
    const changed = [
      'businessJustification',
      'versionLabel',
      'manager',
      'plannedEnd',
    ];
    expect(withoutKeys(fields, ...changed)).toEqual(
      unchanged(fields, ...changed),
    );
  });

  it('tells the user someone else changed the release, offers to reload and keeps what was typed', async () => {
    const editRelease = jest.fn().mockRejectedValue(staleVersion());
    const { onSaved, onReload, onClose } = await renderDialog(editRelease);
    const title = screen.getByLabelText('Title');
    await userEvent.clear(title);
    await userEvent.type(title, 'My careful rewording');
    await userEvent.type(screen.getByLabelText('Version'), '-rc1');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const warning = await screen.findByRole('alert');
    expect(warning).toHaveTextContent(STALE_WARNING);
    expect(screen.getByLabelText('Title')).toHaveValue('My careful rewording');
    expect(screen.getByLabelText('Version')).toHaveValue('2.4.0-rc1');
    expect(onSaved).not.toHaveBeenCalled();
    expect(onReload).not.toHaveBeenCalled();

    await userEvent.click(
      within(warning).getByRole('button', { name: 'Reload' }),
    );
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('shows any other conflict as it is, without offering to reload', async () => {
    const editRelease = jest
      .fn()
      .mockRejectedValue(
        backendError(
          409,
          'ConflictError',
          'REL-000042 is closed; reopen it before editing',
        ),
      );
    const { onSaved } = await renderDialog(editRelease);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'REL-000042 is closed; reopen it before editing',
    );
    expect(screen.queryByText(STALE_WARNING)).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Reload' }),
    ).not.toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('puts a refused field message on the field', async () => {
    const editRelease = jest
      .fn()
      .mockRejectedValue(
        invalidRequest(
          { field: 'plannedEnd', message: 'must be after plannedStart' },
          { field: 'title', message: 'is required' },
        ),
      );
    const { onSaved } = await renderDialog(editRelease);
    await userEvent.clear(screen.getByLabelText('Title'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText('must be after the planned start'),
    ).toBeInTheDocument();
    expect(screen.getByText('is required')).toBeInTheDocument();
    expect(screen.getByLabelText('Planned end')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByLabelText('Title')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByLabelText('Planned start')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('sends the backout plan and the test evidence link, and says on the field when the link is not one', async () => {
    const editRelease = jest
      .fn()
      .mockRejectedValueOnce(
        invalidRequest({
          field: 'testEvidenceUrl',
          message: 'must be an http(s) URL',
        }),
      )
      .mockResolvedValueOnce(release);
    const { onSaved } = await renderDialog(editRelease);

    // Pasted, as long texts usually are.
    fireEvent.change(screen.getByLabelText('Backout plan'), {
      target: { value: 'Redeploy 2.3.9\nRestore the orders schema' },
    });
    fireEvent.change(screen.getByLabelText('Test evidence link'), {
      target: { value: 'ci.example.com/run/812' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('must be an http(s) URL'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Test evidence link')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(onSaved).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Test evidence link'), {
      target: { value: 'https://ci.example.com/run/812' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(release));
    expect(editRelease.mock.calls[1][1]).toMatchObject({
      backoutPlan: 'Redeploy 2.3.9\nRestore the orders schema',
      testEvidenceUrl: 'https://ci.example.com/run/812',
    });
  });

  it('closes on cancel without saving', async () => {
    const editRelease = jest.fn();
    const { onClose, onSaved } = await renderDialog(editRelease);
    await userEvent.type(screen.getByLabelText('Title'), ' (draft)');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(onClose).toHaveBeenCalledTimes(1);
    expect(editRelease).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });
});
