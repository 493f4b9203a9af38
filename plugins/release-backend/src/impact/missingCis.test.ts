import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { loadExampleCatalog } from '../__testUtils__/exampleCatalog';
import { startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

/** The example catalog, from which a test can delete entities and bring them back. */
async function changingCatalog() {
  const deleted = new Set<string>();
  const catalog = catalogServiceMock({ entities: await loadExampleCatalog() });
  const getEntitiesByRefs: CatalogService['getEntitiesByRefs'] = async (
    request,
    options,
  ) => {
    const { items } = await catalog.getEntitiesByRefs(request, options);
    return {
      items: items.map(entity =>
        entity && deleted.has(stringifyEntityRef(entity)) ? undefined : entity,
      ),
    };
  };
  const changing = new Proxy(catalog, {
    get: (target, property) => {
      if (property === 'getEntitiesByRefs') return getEntitiesByRefs;
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { catalog: changing as CatalogService, deleted };
}

describe.each(databases.eachSupportedId())(
  'CIs the catalog no longer has, on %p',
  databaseId => {
    it('are flagged by the impact refresh with the time they were first missed, and unflagged when back', async () => {
      const { catalog, deleted } = await changingCatalog();
      const api = await startReleaseBackend(await databases.init(databaseId), {
        catalog,
        realScheduler: true,
        config: {
          release: {
            impact: {
              refresh: {
                frequency: { seconds: 1 },
                timeout: { seconds: 30 },
              },
            },
          },
        },
      });
      const { body: release } = await api
        .post('/api/release/releases')
        .send({ title: 'Orders 3.0', type: 'major' })
        .expect(201);
      for (const entityRef of [
        'resource:default/orders-db',
        'component:default/orders-service',
      ]) {
        await api
          .post(`/api/release/releases/${release.id}/relations`)
          .send({ kind: 'ci', entityRef, role: 'updated' })
          .expect(201);
      }
      const ciState = async () =>
        Object.fromEntries(
          (
            await api.get(`/api/release/releases/${release.id}`).expect(200)
          ).body.relations.map((r: any) => [r.entityRef, r.missingSince]),
        );
      expect(await ciState()).toEqual({
        'resource:default/orders-db': null,
        'component:default/orders-service': null,
      });

      const removedAt = Date.now();
      deleted.add('component:default/orders-service');
      const stateWhen = async (done: (s: Record<string, any>) => boolean) => {
        let state = await ciState();
        for (let i = 0; i < 40 && !done(state); i++) {
          await new Promise(resolve => setTimeout(resolve, 250));
          state = await ciState();
        }
        return state;
      };
      const state = await stateWhen(
        s => s['component:default/orders-service'] !== null,
      );
      expect(state['resource:default/orders-db']).toBeNull();
      const missingSince = state['component:default/orders-service'];
      expect(Date.parse(missingSince)).toBeGreaterThanOrEqual(removedAt - 1000);

      // Later refreshes keep the first time it was missed.
      await new Promise(resolve => setTimeout(resolve, 2000));
      expect((await ciState())['component:default/orders-service']).toBe(
        missingSince,
      );

      // Still a CI of the release: listed under it, counted, as directly changed.
      const { body: underMissing } = await api
        .get('/api/release/releases')
        .query({
          entityRef: 'component:default/orders-service',
          includeImpacted: 'true',
        })
        .expect(200);
      expect(underMissing.items).toEqual([
        expect.objectContaining({
          id: release.id,
          touch: { kind: 'direct', role: 'updated' },
        }),
      ]);
      expect(underMissing.countsByStatus).toEqual({ registered: 1 });

      // Back in the catalog (e.g. registered again): the flag goes.
      deleted.delete('component:default/orders-service');
      expect(
        await stateWhen(s => s['component:default/orders-service'] === null),
      ).toEqual({
        'resource:default/orders-db': null,
        'component:default/orders-service': null,
      });
    });
  },
);
