import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { Justification } from '@internal/plugin-release-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import { releaseApiRef } from '../../api';
import { JustificationAdminPage } from './JustificationAdminPage';

const reasons: Justification[] = [
  {
    id: 'j1',
    name: 'Change freeze',
    description: 'Year-end',
    active: true,
    appliesTo: ['suspend'],
  },
];

function renderPage(canManage: boolean, api: object = {}) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [releaseApiRef, { listJustifications: async () => reasons, ...api }],
        [
          permissionApiRef,
          new MockPermissionApi(() =>
            canManage ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          ),
        ],
      ]}
    >
      <SWRConfig value={{ provider: () => new Map() }}>
        <JustificationAdminPage />
      </SWRConfig>
    </TestApiProvider>,
  );
}

describe('JustificationAdminPage', () => {
  it('deactivates a reason instead of deleting it', async () => {
    const updateJustification = jest.fn().mockResolvedValue({});
    await renderPage(true, { updateJustification });
    const row = (await screen.findByText('Change freeze')).closest('tr')!;
    await userEvent.click(
      within(row).getByRole('button', { name: 'Deactivate' }),
    );
    expect(updateJustification).toHaveBeenCalledWith('j1', { active: false });
  });

  it('adds a reason for the chosen actions', async () => {
    const createJustification = jest.fn().mockResolvedValue({});
    await renderPage(true, { createJustification });
    await userEvent.type(
      await screen.findByLabelText('Name'),
      'Supplier strike',
    );
    await userEvent.click(screen.getByLabelText('cancel'));
    await userEvent.click(screen.getByRole('button', { name: 'Add reason' }));
    expect(createJustification).toHaveBeenCalledWith({
      name: 'Supplier strike',
      description: '',
      appliesTo: ['suspend', 'cancel'],
    });
  });

  it('shows the catalogue read-only to everyone else', async () => {
    await renderPage(false);
    const row = (await screen.findByText('Change freeze')).closest('tr')!;
    expect(
      within(row).getByRole('button', { name: 'Deactivate' }),
    ).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Add reason' }),
    ).not.toBeInTheDocument();
  });
});
