import { QueryEntitiesRequest } from '@backstage/catalog-client';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactNode } from 'react';
import { EntityPicker, MultiEntityPicker } from './EntityPicker';
import { ENTITY_PICKER_LIMIT } from './entityPickerQuery';

function entity(
  kind: string,
  name: string,
  extra: { title?: string; spec?: object } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', title: extra.title },
    spec: extra.spec ?? {},
  };
}

const ordersService = entity('Component', 'orders-service', {
  title: 'Orders service',
  spec: { type: 'service', owner: 'group:default/storefront-team' },
});
const ordersDb = entity('Resource', 'orders-db', {
  title: 'Orders database',
  spec: { type: 'database', owner: 'platform-team' },
});
const paymentsApi = entity('API', 'payments-api', {
  spec: { type: 'openapi', owner: 'payments-team' },
});
const ana = entity('User', 'ana.souza', {
  spec: { profile: { displayName: 'Ana Souza' } },
});
/** More components than one page of suggestions holds, named after it. */
const filler = Array.from({ length: ENTITY_PICKER_LIMIT + 5 }, (_, i) =>
  entity('Component', `service-${String(i).padStart(2, '0')}`, {
    spec: { owner: 'team-x' },
  }),
);
const zebra = entity('Component', 'zebra-service', { title: 'Zebra service' });

const CI_KINDS = ['Component', 'Resource', 'API'];

/**
 * The catalog as an in-memory list the real way (kinds, text, order, page
 * size), with each call recorded, and answers to chosen terms held back
 * until released.
 */
function fakeCatalog(entities: Entity[]) {
  const catalog = new InMemoryCatalogClient({ entities });
  const held = new Map<string, () => void>();
  const holding = new Set<string>();
  const fake = {
    getEntities: jest.fn((request?: any) => catalog.getEntities(request)),
    getEntitiesByRefs: jest.fn((request: any) =>
      catalog.getEntitiesByRefs(request),
    ),
    queryEntities: jest.fn(async (request: QueryEntitiesRequest) => {
      const term =
        ('fullTextFilter' in request && request.fullTextFilter?.term) || '';
      if (holding.has(term)) {
        await new Promise<void>(resolve => held.set(term, resolve));
      }
      return catalog.queryEntities(request);
    }),
    /** Answers to this term wait for `release`. */
    hold: (term: string) => holding.add(term),
    release: (term: string) => held.get(term)?.(),
    /** The terms the picker searched for, in order ('' for a first page). */
    terms: () =>
      fake.queryEntities.mock.calls.map(
        ([request]) =>
          ('fullTextFilter' in request && request.fullTextFilter?.term) || '',
      ),
  };
  return fake;
}

async function render(
  catalog: ReturnType<typeof fakeCatalog>,
  view: ReactNode,
) {
  await renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalog]]}>{view}</TestApiProvider>,
  );
}

const optionTexts = () =>
  screen.getAllByRole('option').map(option => option.textContent);

describe('EntityPicker', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const user = () =>
    userEvent.setup({ advanceTimers: jest.advanceTimersByTime });

  it('asks the catalog once for what was typed, once typing pauses, and never for everything', async () => {
    const catalog = fakeCatalog([ordersService, ordersDb, paymentsApi, ana]);
    await render(
      catalog,
      <EntityPicker
        label="CI"
        kinds={CI_KINDS}
        value={null}
        onChange={jest.fn()}
      />,
    );

    await user().type(screen.getByLabelText('CI'), 'orders');
    await act(async () => {
      jest.advanceTimersByTime(250);
    });

    await waitFor(() =>
      expect(optionTexts()).toEqual([
        'Orders databaseResource · owner platform-team',
        'Orders serviceComponent · owner storefront-team',
      ]),
    );
    // The first page when the picker opened, then the whole word.
    expect(catalog.terms()).toEqual(['', 'orders']);
    expect(catalog.queryEntities).toHaveBeenLastCalledWith(
      expect.objectContaining({
        filter: { kind: CI_KINDS },
        fullTextFilter: expect.objectContaining({ term: 'orders' }),
        limit: ENTITY_PICKER_LIMIT,
      }),
    );
    expect(catalog.getEntities).not.toHaveBeenCalled();
  });

  it('shows each suggestion with its title or name, kind and owner', async () => {
    const catalog = fakeCatalog([ordersService, paymentsApi]);
    await render(
      catalog,
      <EntityPicker
        label="CI"
        kinds={CI_KINDS}
        value={null}
        onChange={jest.fn()}
      />,
    );

    await user().click(screen.getByLabelText('CI'));

    const [orders, payments] = await screen.findAllByRole('option');
    // An entity without a title shows its name.
    expect(within(payments).getByText('payments-api')).toBeInTheDocument();
    expect(
      within(payments).getByText('API · owner payments-team'),
    ).toBeInTheDocument();
    expect(within(orders).getByText('Orders service')).toBeInTheDocument();
    expect(
      within(orders).getByText('Component · owner storefront-team'),
    ).toBeInTheDocument();
  });

  it('offers the first page of the kinds, by name, before anything is typed', async () => {
    const catalog = fakeCatalog([zebra, ...filler, ana]);
    await render(
      catalog,
      <EntityPicker
        label="Component"
        kinds={['Component']}
        value={null}
        onChange={jest.fn()}
      />,
    );

    await user().click(screen.getByLabelText('Component'));

    await waitFor(() =>
      expect(screen.getAllByRole('option')).toHaveLength(ENTITY_PICKER_LIMIT),
    );
    // One kind on offer: the rows do not repeat it.
    expect(optionTexts()[0]).toBe('service-00owner team-x');
    expect(screen.queryByText(/Zebra|Ana/)).not.toBeInTheDocument();
  });

  it('hands the chosen entity ref to onChange and shows its title', async () => {
    const catalog = fakeCatalog([ordersService, ordersDb]);
    const onChange = jest.fn();
    await render(
      catalog,
      <EntityPicker
        label="CI"
        kinds={CI_KINDS}
        value={null}
        onChange={onChange}
      />,
    );

    await user().type(screen.getByLabelText('CI'), 'database');
    await user().click(
      await screen.findByRole('option', { name: /Orders database/ }),
    );

    expect(onChange).toHaveBeenCalledWith('resource:default/orders-db');
  });

  it("shows a chosen entity's title asked for by its ref, even off the first page", async () => {
    const catalog = fakeCatalog([...filler, zebra]);
    await render(
      catalog,
      <EntityPicker
        label="Component"
        kinds={['Component']}
        value="component:default/zebra-service"
        onChange={jest.fn()}
      />,
    );

    await waitFor(() =>
      expect(screen.getByLabelText('Component')).toHaveValue('Zebra service'),
    );
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRefs: ['component:default/zebra-service'],
      }),
    );
    // Nothing is searched until the user opens the picker.
    expect(catalog.queryEntities).not.toHaveBeenCalled();
  });

  it('keeps the suggestions of the latest term when an earlier one answers late', async () => {
    const catalog = fakeCatalog([ordersService, ordersDb, paymentsApi]);
    catalog.hold('orders');
    await render(
      catalog,
      <EntityPicker
        label="CI"
        kinds={CI_KINDS}
        value={null}
        onChange={jest.fn()}
      />,
    );

    const typing = user();
    const input = screen.getByLabelText('CI');
    await typing.type(input, 'orders');
    await act(async () => {
      jest.advanceTimersByTime(250);
    });
    // While the catalog is thinking, the user sees that it is.
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    await typing.type(input, ' data');
    await act(async () => {
      jest.advanceTimersByTime(250);
    });
    await waitFor(() =>
      expect(optionTexts()).toEqual([
        'Orders databaseResource · owner platform-team',
      ]),
    );

    await act(async () => catalog.release('orders'));

    expect(catalog.terms()).toEqual(['', 'orders', 'orders data']);
    expect(optionTexts()).toEqual([
      'Orders databaseResource · owner platform-team',
    ]);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('says so when nothing matches', async () => {
    const catalog = fakeCatalog([ordersService]);
    await render(
      catalog,
      <EntityPicker
        label="CI"
        kinds={CI_KINDS}
        value={null}
        onChange={jest.fn()}
      />,
    );

    await user().type(screen.getByLabelText('CI'), 'billing');
    await act(async () => {
      jest.advanceTimersByTime(250);
    });

    expect(await screen.findByText('No matching entities')).toBeInTheDocument();
  });

  it('shows users by display name', async () => {
    const catalog = fakeCatalog([ana, ordersService]);
    await render(
      catalog,
      <EntityPicker
        label="Manager"
        kinds={['User']}
        value={null}
        onChange={jest.fn()}
      />,
    );

    await user().type(screen.getByLabelText('Manager'), 'souza');
    await act(async () => {
      jest.advanceTimersByTime(250);
    });

    await waitFor(() => expect(optionTexts()).toEqual(['Ana Souza']));
  });
});

describe('MultiEntityPicker', () => {
  it('shows chosen entities by title, and a ref the catalog does not know as the ref', async () => {
    const catalog = fakeCatalog([...filler, zebra, ordersDb]);
    const onChange = jest.fn();
    await render(
      catalog,
      <MultiEntityPicker
        label="CIs"
        kinds={CI_KINDS}
        value={[
          'component:default/zebra-service',
          'component:default/retired-service',
        ]}
        onChange={onChange}
      />,
    );

    expect(
      await screen.findByRole('button', { name: 'Zebra service (Component)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'component:retired-service' }),
    ).toBeInTheDocument();
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledTimes(1);

    await userEvent.type(screen.getByLabelText('CIs'), 'orders');
    await userEvent.click(
      await screen.findByRole('option', { name: /Orders database/ }),
    );

    expect(onChange).toHaveBeenCalledWith([
      'component:default/zebra-service',
      'component:default/retired-service',
      'resource:default/orders-db',
    ]);
  });
});
