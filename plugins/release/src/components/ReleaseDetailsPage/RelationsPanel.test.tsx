import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReleaseRelation } from '@internal/plugin-release-common';
import { ReleaseApi } from '../../api';
import { backendError, invalidRequest } from '../../__testUtils__/backendError';
import { aRelease } from '../../__testUtils__/releaseFixtures';
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
    missingSince: null,
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
  {
    id: 'r3',
    kind: 'problem',
    key: 'PRB-7',
    title: 'Slow checkout',
    url: null,
    system: null,
    createdBy: 'user:default/guest',
    createdAt: '2026-11-20T09:00:00.000Z',
  },
];

const releaseId = aRelease().id;

async function renderPanel(
  canEdit: boolean,
  api: Partial<ReleaseApi> = {},
  related: ReleaseRelation[] = relations,
) {
  const onChanged = jest.fn();
  await renderWithApis(
    <RelationsPanel
      release={aRelease({ relations: related })}
      canEdit={canEdit}
      onChanged={onChanged}
    />,
    api,
  );
  return { onChanged };
}

/** The list item that shows the given text. */
const itemWith = (text: string) =>
  screen.getByText(text).closest('li') as HTMLElement;

/** The list item of the orders-db CI. */
const ordersDbItem = () =>
  screen.getByRole('link', { name: /orders-db/ }).closest('li') as HTMLElement;

/** Chooses an option of a select or catalog picker by its label. */
async function choose(label: string, option: string | RegExp) {
  await userEvent.click(screen.getByLabelText(label));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('RelationsPanel', () => {
  it('lists CIs as catalog links with their role and external records with their links', async () => {
    await renderPanel(false);

    const ci = ordersDbItem();
    expect(within(ci).getByText('updated')).toBeVisible();
    expect(within(ci).getByRole('link', { name: /orders-db/ })).toHaveAttribute(
      'href',
      '/catalog/default/resource/orders-db',
    );

    const change = itemWith('change · ServiceNow');
    expect(
      within(change).getByRole('link', {
        name: /^CHG-1042: Orders schema change/,
      }),
    ).toHaveAttribute('href', 'https://itsm.example.com/CHG-1042');

    // A record without a link is shown as text, its kind without a system.
    const problem = itemWith('problem');
    expect(within(problem).getByText('PRB-7: Slow checkout')).toBeVisible();
    expect(within(problem).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByText('None yet.')).not.toBeInTheDocument();
  });

  it('flags a CI the catalog no longer has, without a link to its gone page', async () => {
    await renderPanel(false, {}, [
      {
        id: 'r9',
        kind: 'ci',
        entityRef: 'component:default/legacy-cart',
        role: 'updated',
        createdBy: 'user:default/guest',
        createdAt: '2026-11-20T09:00:00.000Z',
        missingSince: '2026-11-25T08:30:00.000Z',
      },
    ]);

    const ci = itemWith('component:default/legacy-cart');
    expect(within(ci).queryByRole('link')).not.toBeInTheDocument();
    expect(
      within(ci).getByText(/^updated · no longer in the catalog since .*2026/),
    ).toBeVisible();
  });

  it('offers no way to add or remove to those who may not update the release', async () => {
    await renderPanel(false);

    expect(screen.getByText('updated')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Remove' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add relation' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Relate')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Catalog entity')).not.toBeInTheDocument();
  });

  it('offers a remove button per relation and the add form to those who may update', async () => {
    await renderPanel(true);

    expect(screen.getAllByRole('button', { name: 'Remove' })).toHaveLength(3);
    expect(
      screen.getByRole('button', { name: 'Add relation' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Relate')).toHaveTextContent(
      'Configuration item',
    );
    expect(screen.getByLabelText('Role')).toHaveTextContent('updated');
  });

  it('says when there are no CIs and no external records', async () => {
    await renderPanel(false, {}, []);

    expect(screen.getAllByText('None yet.')).toHaveLength(2);
    expect(screen.queryByRole('listitem')).not.toBeInTheDocument();
  });

  it('relates a catalog entity as a CI with its role', async () => {
    const addRelation = jest.fn().mockResolvedValue(relations[0]);
    const { onChanged } = await renderPanel(true, { addRelation });

    await choose('Catalog entity', /^Orders service/);
    await choose('Role', 'new');
    await userEvent.click(screen.getByRole('button', { name: 'Add relation' }));

    expect(addRelation).toHaveBeenCalledTimes(1);
    expect(addRelation).toHaveBeenCalledWith(releaseId, {
      kind: 'ci',
      entityRef: 'component:default/orders-service',
      role: 'new',
    });
    expect(onChanged).toHaveBeenCalledTimes(1);
    // The picker is emptied for the next one.
    expect(screen.getByLabelText('Catalog entity')).toHaveValue('');
  });

  it('offers only catalog kinds a release can change', async () => {
    await renderPanel(true);
    await userEvent.click(screen.getByLabelText('Catalog entity'));

    expect(
      (await screen.findAllByRole('option')).map(option => option.textContent),
    ).toEqual(['Orders serviceComponent · owner storefront-team']);
  });

  it('shows a refused CI under the picker and reports no change', async () => {
    const addRelation = jest
      .fn()
      .mockRejectedValue(
        invalidRequest({ field: 'entityRef', message: 'is required' }),
      );
    const { onChanged } = await renderPanel(true, { addRelation });
    await userEvent.click(screen.getByRole('button', { name: 'Add relation' }));

    expect(addRelation).toHaveBeenCalledWith(releaseId, {
      kind: 'ci',
      entityRef: '',
      role: 'updated',
    });
    expect(await screen.findByText('is required')).toBeInTheDocument();
    expect(screen.getByLabelText('Catalog entity')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('relates a record from another system, showing a refusal on its field', async () => {
    const addRelation = jest
      .fn()
      .mockRejectedValueOnce(
        invalidRequest({ field: 'key', message: 'is required' }),
      )
      .mockResolvedValueOnce(relations[1]);
    const { onChanged } = await renderPanel(true, { addRelation });

    await choose('Relate', 'incident');
    expect(screen.queryByLabelText('Catalog entity')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Title'), 'Checkout errors');
    await userEvent.click(screen.getByRole('button', { name: 'Add relation' }));

    expect(await screen.findByText('is required')).toBeInTheDocument();
    expect(screen.getByLabelText('Key (e.g. CHG-1042)')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByLabelText('Title')).toHaveValue('Checkout errors');
    expect(onChanged).not.toHaveBeenCalled();

    await userEvent.type(
      screen.getByLabelText('Key (e.g. CHG-1042)'),
      'INC-77',
    );
    await userEvent.type(
      screen.getByLabelText('Link'),
      'https://itsm.example.com/INC-77',
    );
    await userEvent.type(screen.getByLabelText('Source system'), 'ServiceNow');
    await userEvent.click(screen.getByRole('button', { name: 'Add relation' }));

    expect(addRelation).toHaveBeenCalledTimes(2);
    expect(addRelation).toHaveBeenLastCalledWith(releaseId, {
      kind: 'incident',
      key: 'INC-77',
      title: 'Checkout errors',
      url: 'https://itsm.example.com/INC-77',
      system: 'ServiceNow',
    });
    expect(onChanged).toHaveBeenCalledTimes(1);
    // The form is emptied for the next one.
    expect(screen.getByLabelText('Key (e.g. CHG-1042)')).toHaveValue('');
    expect(screen.getByLabelText('Title')).toHaveValue('');
  });

  it('leaves out an empty link and source system', async () => {
    const addRelation = jest.fn().mockResolvedValue(relations[2]);
    await renderPanel(true, { addRelation });

    await choose('Relate', 'problem');
    await userEvent.type(screen.getByLabelText('Key (e.g. CHG-1042)'), 'PRB-8');
    await userEvent.type(screen.getByLabelText('Title'), 'Timeouts');
    await userEvent.click(screen.getByRole('button', { name: 'Add relation' }));

    expect(addRelation).toHaveBeenCalledWith(releaseId, {
      kind: 'problem',
      key: 'PRB-8',
      title: 'Timeouts',
      url: undefined,
      system: undefined,
    });
  });

  it('removes a CI and an external record by their ids', async () => {
    const removeRelation = jest.fn().mockResolvedValue(undefined);
    const { onChanged } = await renderPanel(true, { removeRelation });

    await userEvent.click(
      within(itemWith('change · ServiceNow')).getByRole('button', {
        name: 'Remove',
      }),
    );
    expect(removeRelation).toHaveBeenCalledWith(releaseId, 'r2');
    expect(onChanged).toHaveBeenCalledTimes(1);

    await userEvent.click(
      within(ordersDbItem()).getByRole('button', { name: 'Remove' }),
    );
    expect(removeRelation).toHaveBeenLastCalledWith(releaseId, 'r1');
    expect(removeRelation).toHaveBeenCalledTimes(2);
    expect(onChanged).toHaveBeenCalledTimes(2);
  });

  it('shows why a relation could not be removed and reports no change', async () => {
    const removeRelation = jest
      .fn()
      .mockRejectedValue(
        backendError(
          409,
          'ConflictError',
          'REL-000042 is closed; reopen it before changing its relations',
        ),
      );
    const { onChanged } = await renderPanel(true, { removeRelation });

    await userEvent.click(
      within(ordersDbItem()).getByRole('button', { name: 'Remove' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'REL-000042 is closed; reopen it before changing its relations',
    );
    expect(removeRelation).toHaveBeenCalledWith(releaseId, 'r1');
    expect(onChanged).not.toHaveBeenCalled();
  });
});
