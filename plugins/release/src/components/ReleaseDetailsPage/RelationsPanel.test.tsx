import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReleaseRelation } from '@internal/plugin-release-common';
import { backendError } from '../../testUtils/backendError';
import { aRelease } from '../../testUtils/releaseFixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { RelationsPanel } from './RelationsPanel';

const relations: ReleaseRelation[] = [
  {
    id: 'r1',
    kind: 'ci',
    entityRef: 'resource:default/orders-db',
    role: 'updated',
    createdBy: 'user:default/guest',
    createdAt: '2026-11-20T09:00:00.000Z',
  },
  {
    id: 'r2',
    kind: 'change',
    key: 'CHG-1042',
    title: 'Orders schema change',
    url: 'https://itsm.example.com/CHG-1042',
    system: 'ServiceNow',
    createdBy: 'user:default/guest',
    createdAt: '2026-11-20T09:00:00.000Z',
  },
];

function renderPanel(canEdit: boolean, api: object = {}) {
  const onChanged = jest.fn();
  return {
    onChanged,
    rendered: renderWithApis(
      <RelationsPanel
        release={aRelease({ relations })}
        canEdit={canEdit}
        onChanged={onChanged}
      />,
      api,
    ),
  };
}

describe('RelationsPanel', () => {
  it('lists CIs with their role and external records with their links', async () => {
    await renderPanel(false).rendered;
    expect(screen.getByText('updated')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^CHG-1042: Orders schema change/ }),
    ).toHaveAttribute('href', 'https://itsm.example.com/CHG-1042');
    expect(screen.getByText('change · ServiceNow')).toBeInTheDocument();
    // Read-only for those who may not edit.
    expect(screen.queryByRole('button', { name: 'Remove' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add relation' })).toBeNull();
  });

  it('relates a catalog entity as a CI with its role', async () => {
    const addRelation = jest.fn().mockResolvedValue(relations[0]);
    const { rendered, onChanged } = renderPanel(true, { addRelation });
    await rendered;
    await userEvent.click(screen.getByLabelText('Catalog entity'));
    await userEvent.click(
      await screen.findByRole('option', { name: /Orders service/ }),
    );
    await userEvent.click(screen.getByLabelText('Role'));
    await userEvent.click(await screen.findByRole('option', { name: 'new' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add relation' }));

    expect(addRelation).toHaveBeenCalledWith(aRelease().id, {
      kind: 'ci',
      entityRef: 'component:default/orders-service',
      role: 'new',
    });
    expect(onChanged).toHaveBeenCalled();
  });

  it('relates an incident from another system, showing a refusal on its field', async () => {
    const addRelation = jest
      .fn()
      .mockRejectedValueOnce(
        backendError(400, 'InputError', 'Invalid request: key: is required'),
      )
      .mockResolvedValueOnce(relations[1]);
    const { rendered, onChanged } = renderPanel(true, { addRelation });
    await rendered;
    await userEvent.click(screen.getByLabelText('Relate'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'incident' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add relation' }));
    expect(await screen.findByText('is required')).toBeInTheDocument();
    expect(onChanged).not.toHaveBeenCalled();

    await userEvent.type(
      screen.getByLabelText('Key (e.g. CHG-1042)'),
      'INC-77',
    );
    await userEvent.type(screen.getByLabelText('Title'), 'Checkout errors');
    await userEvent.click(screen.getByRole('button', { name: 'Add relation' }));
    expect(addRelation).toHaveBeenLastCalledWith(aRelease().id, {
      kind: 'incident',
      key: 'INC-77',
      title: 'Checkout errors',
      url: undefined,
      system: undefined,
    });
    expect(onChanged).toHaveBeenCalled();
  });

  it('removes a relation', async () => {
    const removeRelation = jest.fn().mockResolvedValue(undefined);
    const { rendered, onChanged } = renderPanel(true, { removeRelation });
    await rendered;
    const change = screen
      .getByText('change · ServiceNow')
      .closest('li') as HTMLElement;
    await userEvent.click(
      within(change).getByRole('button', { name: 'Remove' }),
    );
    expect(removeRelation).toHaveBeenCalledWith(aRelease().id, 'r2');
    expect(onChanged).toHaveBeenCalled();
  });
});
