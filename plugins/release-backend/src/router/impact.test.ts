import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { ReleaseApi, startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

/** Whole-hour windows well ahead, so nothing else in the database meets them. */
const base = DateTime.utc().startOf('hour').plus({ days: 40 });
const at = (hours: number) => base.plus({ hours }).toISO()!;

/** A payments freeze a few days after the base day, applying to one system. */
const blackoutConfig = {
  release: {
    blackoutWindows: [
      {
        name: 'Payments freeze',
        start: at(72),
        end: at(96),
        entityRefs: ['system:default/payments'],
      },
    ],
  },
};

describe.each(databases.eachSupportedId())(
  'impact, conflicts and blackouts on %p',
  databaseId => {
    let knex: Knex;
    let api: ReleaseApi;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      api = await startReleaseBackend(knex, { config: blackoutConfig });
    });

    /** Registers a planned release on `cis` with a window in base hours. */
    async function plannedRelease(
      title: string,
      cis: string[],
      window: [number, number],
    ) {
      const { body } = await api
        .post('/api/release/releases')
        .send({
          title,
          type: 'minor',
          impact: 'medium',
          urgency: 'medium',
          businessJustification: 'Keeps the shop running',
          plannedStart: at(window[0]),
          plannedEnd: at(window[1]),
        })
        .expect(201);
      for (const entityRef of cis) {
        await api
          .post(`/api/release/releases/${body.id}/relations`)
          .send({ kind: 'ci', entityRef, role: 'updated' })
          .expect(201);
      }
      const planned = await api
        .post(`/api/release/releases/${body.id}/transitions`)
        .send({ action: 'plan', expectedVersion: body.version })
        .expect(200);
      return planned.body as { id: string; number: string; version: number };
    }

    /** The releases touching `entityRef`, directly or through impact. */
    async function releasesTouching(entityRef: string, query: object = {}) {
      const { body } = await api
        .get('/api/release/releases')
        .query({ entityRef, includeImpacted: 'true', limit: 500, ...query })
        .expect(200);
      return body;
    }

    function authorize(
      release: { id: string; version: number },
      extra: object = {},
    ) {
      return api.post(`/api/release/releases/${release.id}/transitions`).send({
        action: 'authorize',
        expectedVersion: release.version,
        ...extra,
      });
    }

    it('walks the catalog from the CIs with paths, owners and a depth limit', async () => {
      const release = await plannedRelease(
        'Orders database upgrade',
        ['resource:default/orders-db'],
        [0, 2],
      );
      const { body } = await api
        .get(`/api/release/releases/${release.id}/impact`)
        .expect(200);
      expect(body.depth).toBe(3);
      const orders = body.entities.find(
        (e: any) => e.entityRef === 'component:default/orders-service',
      );
      expect(orders).toMatchObject({
        distance: 1,
        owner: 'group:default/storefront-team',
        path: [
          {
            from: 'resource:default/orders-db',
            relation: 'dependencyOf',
            to: 'component:default/orders-service',
          },
        ],
      });

      const shallow = await api
        .get(`/api/release/releases/${release.id}/impact?depth=1`)
        .expect(200);
      expect(shallow.body.entities.map((e: any) => e.entityRef)).not.toContain(
        'api:default/orders-api',
      );

      const tooDeep = await api
        .get(`/api/release/releases/${release.id}/impact?depth=99`)
        .expect(400);
      expect(tooDeep.body.error.message).toContain('depth');
      await api
        .get(
          '/api/release/releases/00000000-0000-4000-8000-000000000000/impact',
        )
        .expect(404);
    });

    it('lists releases touching an entity directly and through impact', async () => {
      const database = await plannedRelease(
        'Orders database patch',
        ['resource:default/orders-db'],
        [200, 202],
      );
      const checkout = await plannedRelease(
        'Checkout fix',
        ['component:default/checkout-service'],
        [300, 302],
      );

      const direct = await api
        .get('/api/release/releases')
        .query({ entityRef: 'component:default/checkout-service' })
        .expect(200);
      const directIds = direct.body.items.map((i: any) => i.id);
      expect(directIds).toContain(checkout.id);
      expect(directIds).not.toContain(database.id);

      const body = await releasesTouching('component:default/checkout-service');
      const byId = new Map(body.items.map((i: any) => [i.id, i]));
      expect(byId.get(checkout.id)).toMatchObject({
        touch: { kind: 'direct', role: 'updated' },
      });
      expect(byId.get(database.id)).toMatchObject({
        touch: {
          kind: 'impacted',
          distance: 2,
          via: 'resource:default/orders-db',
          path: [
            expect.objectContaining({ to: 'component:default/orders-service' }),
            expect.objectContaining({
              relation: 'dependencyOf',
              to: 'component:default/checkout-service',
            }),
          ],
        },
      });

      // Removing the CI takes the release off the entity's list.
      const details = await api
        .get(`/api/release/releases/${database.id}`)
        .expect(200);
      const ci = details.body.relations.find((r: any) => r.kind === 'ci');
      await api
        .delete(`/api/release/releases/${database.id}/relations/${ci.id}`)
        .expect(204);
      const after = await releasesTouching(
        'component:default/checkout-service',
      );
      expect(after.items.map((i: any) => i.id)).not.toContain(database.id);
    });

    it("keeps an entity's list in step with each release's status, window and closing", async () => {
      // Both reach the payments system through their CIs, far from the rest.
      const sooner = await plannedRelease(
        'Payments gateway patch',
        ['component:default/payment-gateway'],
        [900, 902],
      );
      const later = await plannedRelease(
        'Invoice service patch',
        ['component:default/invoice-worker'],
        [1000, 1002],
      );
      const list = (query: object) =>
        releasesTouching('system:default/payments', query);
      const ids = (body: any) =>
        body.items
          .map((i: any) => i.id)
          .filter((id: string) => [sooner.id, later.id].includes(id));

      const before = await list({
        status: 'planning',
        orderBy: 'plannedStart',
        order: 'asc',
      });
      expect(ids(before)).toEqual([sooner.id, later.id]);

      // Moving the sooner one after the other reorders the entity's list.
      const moved = await api
        .patch(`/api/release/releases/${sooner.id}`)
        .send({
          expectedVersion: sooner.version,
          plannedStart: at(1100),
          plannedEnd: at(1102),
        })
        .expect(200);
      expect(
        ids(
          await list({
            status: 'planning',
            orderBy: 'plannedStart',
            order: 'asc',
          }),
        ),
      ).toEqual([later.id, sooner.id]);

      // Cancelling moves it from the open list and count to the finished one.
      const planningBefore = before.countsByStatus.planning;
      const cancelledBefore = before.countsByStatus.cancelled ?? 0;
      const { body: justifications } = await api
        .get('/api/release/justifications')
        .expect(200);
      const superseded = justifications.items.find(
        (j: any) => j.name === 'Superseded by another release',
      );
      await api
        .post(`/api/release/releases/${sooner.id}/transitions`)
        .send({
          action: 'cancel',
          expectedVersion: moved.body.version,
          justificationId: superseded.id,
        })
        .expect(200);
      const open = await list({});
      expect(ids(open)).toEqual([later.id]);
      expect(open.countsByStatus.planning).toBe(planningBefore - 1);
      expect(open.countsByStatus.cancelled).toBe(cancelledBefore + 1);
      const finished = await list({
        status: ['closed', 'cancelled'],
        orderBy: 'closedAt',
        order: 'desc',
      });
      expect(finished.items[0]).toMatchObject({
        id: sooner.id,
        status: 'cancelled',
        closedAt: expect.any(String),
      });
    });

    it('finds overlapping releases on a shared entity and makes authorize need an override', async () => {
      const mine = await plannedRelease(
        'Orders database failover',
        ['resource:default/orders-db'],
        [500, 503],
      );
      const overlapping = await plannedRelease(
        'Checkout rollout',
        ['component:default/checkout-service'],
        [502, 505],
      );
      const elsewhere = await plannedRelease(
        'Reporting refresh',
        ['component:default/reporting-dashboard'],
        [500, 503],
      );
      const later = await plannedRelease(
        'Checkout follow-up',
        ['component:default/checkout-service'],
        [503, 505],
      );

      const { body } = await api
        .get(`/api/release/releases/${mine.id}/conflicts`)
        .expect(200);
      expect(body.window).toEqual({ start: at(500), end: at(503) });
      expect(body.conflicts).toEqual([
        expect.objectContaining({
          release: expect.objectContaining({
            number: overlapping.number,
            window: { start: at(502), end: at(505) },
          }),
          sharedEntityRefs: expect.arrayContaining([
            'component:default/checkout-service',
          ]),
        }),
      ]);
      const others = body.conflicts.map((c: any) => c.release.id);
      expect(others).not.toContain(elsewhere.id);
      expect(others).not.toContain(later.id);

      const refused = await authorize(mine).expect(409);
      expect(refused.body.error.message).toContain(overlapping.number);
      const unexplained = await authorize(mine, { override: true }).expect(400);
      expect(unexplained.body.error.message).toContain('comment');

      await authorize(mine, {
        override: true,
        comment: 'Both teams agreed to run them together',
      }).expect(200);
      const history = await api
        .get(`/api/release/releases/${mine.id}/history`)
        .expect(200);
      const entry = history.body.items.find(
        (h: any) => h.action === 'authorize',
      );
      expect(entry.comment).toContain('Both teams agreed');
      expect(entry.comment).toContain(overlapping.number);

      // A release without conflicts is authorized plainly.
      await authorize(elsewhere).expect(200);
    });

    it('refuses a window inside a blackout for the entities it applies to', async () => {
      const payments = await plannedRelease(
        'Gateway certificate rotation',
        ['component:default/payment-gateway'],
        [80, 82],
      );
      const analytics = await plannedRelease(
        'ETL tuning',
        ['component:default/etl-worker'],
        [80, 82],
      );

      const conflicts = await api
        .get(`/api/release/releases/${payments.id}/conflicts`)
        .expect(200);
      expect(conflicts.body.blackouts).toEqual([
        expect.objectContaining({
          name: 'Payments freeze',
          matchedEntityRefs: ['system:default/payments'],
        }),
      ]);
      const refused = await authorize(payments).expect(409);
      expect(refused.body.error.message).toContain('Payments freeze');
      const unchanged = await api
        .get(`/api/release/releases/${payments.id}`)
        .expect(200);
      expect(unchanged.body.status).toBe('planning');

      // The freeze is filtered to the payments system.
      await authorize(analytics).expect(200);

      const blackouts = await api
        .get('/api/release/blackouts')
        .query({ from: at(0), to: at(200) })
        .expect(200);
      expect(blackouts.body.occurrences).toEqual([
        expect.objectContaining({ name: 'Payments freeze', start: at(72) }),
      ]);
      await api
        .get('/api/release/blackouts')
        .query({ from: at(10), to: at(0) })
        .expect(400);
    });

    it('lets only callers holding release.override go past a blackout', async () => {
      const denyOverride = await startReleaseBackend(knex, {
        config: blackoutConfig,
        policy: permission => ({
          result:
            permission.name === 'release.override'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
      });
      const release = await plannedRelease(
        'Billing hotfix',
        ['component:default/billing-service'],
        [75, 76],
      );
      await denyOverride
        .post(`/api/release/releases/${release.id}/transitions`)
        .send({
          action: 'authorize',
          expectedVersion: release.version,
          override: true,
          comment: 'Urgent',
        })
        .expect(403);
      const { body } = await api
        .get(`/api/release/releases/${release.id}`)
        .expect(200);
      expect(body).toMatchObject({
        status: 'planning',
        version: release.version,
      });

      await authorize(release, {
        override: true,
        comment: 'Card network deadline',
      }).expect(200);
    });

    it('sums up an entity for its card: in flight, next window, warnings', async () => {
      const first = await plannedRelease(
        'Search index rebuild',
        ['component:default/search-service'],
        [1000, 1002],
      );
      const second = await plannedRelease(
        'Catalog service release',
        ['component:default/product-catalog-service'],
        [1001, 1003],
      );
      const { body } = await api
        .get('/api/release/entity-overview')
        .query({ entityRef: 'component:default/product-catalog-service' })
        .expect(200);
      expect(body.inFlight).toBe(2);
      expect(body.conflicts.map((c: any) => c.release.id).sort()).toEqual(
        [first.id, second.id].sort(),
      );
      await api
        .get('/api/release/entity-overview')
        .query({ entityRef: 'not a ref' })
        .expect(400);
    });
  },
);
