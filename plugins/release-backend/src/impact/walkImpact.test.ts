import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_IMPACT_RELATIONS } from '@internal/plugin-release-common';
import { loadExampleCatalog } from '../__testUtils__/exampleCatalog';
import { catalogNodeReader } from './catalogNodes';
import { walkImpact } from './walkImpact';

describe('walkImpact on the example catalog', () => {
  let entities: Entity[];
  beforeAll(async () => {
    entities = await loadExampleCatalog();
  });

  const walk = (cis: string[], depth: number, catalog = entities) =>
    walkImpact({
      cis,
      depth,
      relations: DEFAULT_IMPACT_RELATIONS,
      read: catalogNodeReader(
        catalogServiceMock({ entities: catalog }),
        mockCredentials.user(),
      ),
    });
  const byRef = (result: Awaited<ReturnType<typeof walk>>) =>
    new Map(result.entities.map(e => [e.entityRef, e]));

  it('reaches dependants, API consumers and systems from a database, with paths', async () => {
    const result = byRef(await walk(['resource:default/orders-db'], 3));

    expect(result.get('resource:default/orders-db')).toMatchObject({
      distance: 0,
      kind: 'resource',
      owner: 'group:default/storefront-team',
      path: [],
    });
    expect(result.get('component:default/orders-service')).toMatchObject({
      distance: 1,
      via: 'resource:default/orders-db',
      path: [
        {
          from: 'resource:default/orders-db',
          relation: 'dependencyOf',
          to: 'component:default/orders-service',
        },
      ],
    });
    expect(result.get('system:default/storefront')?.distance).toBe(1);
    // The system belongs to a domain: one more hop up.
    expect(result.get('domain:default/commerce')?.distance).toBe(2);
    expect(result.get('api:default/orders-api')?.path).toEqual([
      {
        from: 'resource:default/orders-db',
        relation: 'dependencyOf',
        to: 'component:default/orders-service',
      },
      {
        from: 'component:default/orders-service',
        relation: 'providesApi',
        to: 'api:default/orders-api',
      },
    ]);
    expect(result.get('component:default/checkout-service')?.distance).toBe(2);
    // Consumers of the provided API, three hops away.
    expect(result.get('component:default/mobile-bff')).toMatchObject({
      distance: 3,
      path: [
        expect.objectContaining({ relation: 'dependencyOf' }),
        expect.objectContaining({ relation: 'providesApi' }),
        expect.objectContaining({
          relation: 'apiConsumedBy',
          to: 'component:default/mobile-bff',
        }),
      ],
    });
    // Owners and what the resource itself depends on are not impacted.
    expect(result.has('group:default/storefront-team')).toBe(false);
    expect(result.has('resource:default/prod-k8s-cluster')).toBe(false);
  });

  it('stops at the depth asked for', async () => {
    const depthOne = byRef(await walk(['resource:default/orders-db'], 1));
    expect([...depthOne.values()].every(e => e.distance <= 1)).toBe(true);
    expect(depthOne.has('api:default/orders-api')).toBe(false);

    const none = await walk(['resource:default/orders-db'], 0);
    expect(none.entities.map(e => e.entityRef)).toEqual([
      'resource:default/orders-db',
    ]);
  });

  it('reports each entity once, even through the billing/invoice cycle', async () => {
    const result = await walk(['component:default/billing-service'], 8);
    const refs = result.entities.map(e => e.entityRef);
    expect(new Set(refs).size).toBe(refs.length);
    expect(
      byRef(result).get('component:default/invoice-worker')?.distance,
    ).toBe(1);
  });

  it('reports CIs and relation targets the catalog does not have as missing', async () => {
    const withoutOrdersService = entities.filter(
      e => e.metadata.name !== 'orders-service',
    );
    const result = await walk(
      ['resource:default/orders-db', 'component:default/retired-thing'],
      2,
      withoutOrdersService,
    );
    expect(result.missing).toEqual(
      expect.arrayContaining([
        'component:default/retired-thing',
        'component:default/orders-service',
      ]),
    );
    expect(byRef(result).has('system:default/storefront')).toBe(true);
  });

  it('marks the result truncated when the size limit stops it', async () => {
    const result = await walkImpact({
      cis: ['resource:default/prod-k8s-cluster'],
      depth: 8,
      relations: DEFAULT_IMPACT_RELATIONS,
      limit: 5,
      read: catalogNodeReader(
        catalogServiceMock({ entities }),
        mockCredentials.user(),
      ),
    });
    expect(result.truncated).toBe(true);
    expect(result.entities.length).toBeLessThanOrEqual(5);
  });
});
