import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { Response } from 'supertest';
import { managerOnly, TestPolicy } from '../__testUtils__/fakePermissions';
import {
  nextWeekWindow,
  ReleaseApi,
  startReleaseBackend,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(300_000);

const databases = createTestDatabases();

/*
 * Every endpoint × every kind of caller: who gets in, who is refused, and
 * that a refusal writes nothing and a filtered list hides what it must.
 */

/** A release with one of everything that hangs off it. */
type SeededRelease = {
  id: string;
  number: string;
  activityIds: [string, string];
  ciRelationId: string;
  mediaId: string;
};

type Fixture = {
  managed: SeededRelease;
  hidden: SeededRelease;
  portfolioId: string;
  modelId: string;
  justificationId: string;
};

/** How an endpoint is guarded. */
type Guard =
  | 'public' // no credentials needed
  | 'signed-in' // any caller with credentials
  | 'filtered' // answers, with only the releases the caller may read
  | 'create' // release.create
  | 'release' // a permission on the release itself
  | 'catalogue'; // portfolio or justification management

type Endpoint = {
  name: string;
  guard: Guard;
  /** Status when allowed. */
  ok: number;
  call: (
    client: ReleaseApi,
    header: string,
    fixture: Fixture,
    target: SeededRelease,
    versionOf: (id: string) => Promise<number>,
  ) => Promise<Response>;
};

const MANAGER = 'user:default/ana.souza';
const base = '/api/release';

const endpoints: Endpoint[] = [
  {
    name: 'GET /health',
    guard: 'public',
    ok: 200,
    call: (c, h) => c.get(`${base}/health`).set('Authorization', h),
  },
  {
    name: 'GET /blackouts',
    guard: 'signed-in',
    ok: 200,
    call: (c, h) => c.get(`${base}/blackouts`).set('Authorization', h),
  },
  {
    name: 'GET /justifications',
    guard: 'signed-in',
    ok: 200,
    call: (c, h) => c.get(`${base}/justifications`).set('Authorization', h),
  },
  {
    name: 'GET /portfolios',
    guard: 'signed-in',
    ok: 200,
    call: (c, h) => c.get(`${base}/portfolios`).set('Authorization', h),
  },
  {
    name: 'GET /portfolios/:id',
    guard: 'signed-in',
    ok: 200,
    call: (c, h, f) =>
      c.get(`${base}/portfolios/${f.portfolioId}`).set('Authorization', h),
  },
  {
    name: 'GET /releases',
    guard: 'filtered',
    ok: 200,
    call: (c, h) =>
      c
        .get(`${base}/releases?status=registered&status=planning`)
        .set('Authorization', h),
  },
  {
    name: 'GET /releases/breakdown',
    guard: 'filtered',
    ok: 200,
    call: (c, h) => c.get(`${base}/releases/breakdown`).set('Authorization', h),
  },
  {
    name: 'GET /search/closed',
    guard: 'filtered',
    ok: 200,
    call: (c, h) =>
      c
        .get(`${base}/search/closed?includeCancelled=true`)
        .set('Authorization', h),
  },
  {
    name: 'GET /search/closed (CSV)',
    guard: 'filtered',
    ok: 200,
    call: (c, h) =>
      c
        .get(`${base}/search/closed?includeCancelled=true&format=csv`)
        .set('Authorization', h),
  },
  {
    name: 'GET /search/documents',
    guard: 'filtered',
    ok: 200,
    call: (c, h) =>
      c.get(`${base}/search/documents?limit=1000`).set('Authorization', h),
  },
  {
    name: 'GET /calendar',
    guard: 'filtered',
    ok: 200,
    call: (c, h) =>
      c
        .get(`${base}/calendar`)
        .query({
          from: new Date().toISOString(),
          to: new Date(Date.now() + 60 * 86400_000).toISOString(),
        })
        .set('Authorization', h),
  },
  {
    name: 'GET /metrics',
    guard: 'filtered',
    ok: 200,
    call: (c, h, f) =>
      c
        .get(`${base}/metrics?portfolioId=${f.portfolioId}`)
        .set('Authorization', h),
  },
  {
    name: 'GET /metrics (CSV)',
    guard: 'filtered',
    ok: 200,
    call: (c, h) =>
      c.get(`${base}/metrics?format=csv&bucket=week`).set('Authorization', h),
  },
  {
    name: 'GET /metrics/comparison',
    guard: 'filtered',
    ok: 200,
    call: (c, h) =>
      c
        .get(`${base}/metrics/comparison?dimension=system`)
        .set('Authorization', h),
  },
  {
    name: 'GET /entity-overview',
    guard: 'filtered',
    ok: 200,
    call: (c, h) =>
      c
        .get(`${base}/entity-overview`)
        .query({ entityRef: 'component:default/orders-service' })
        .set('Authorization', h),
  },
  {
    name: 'GET /portfolios/:id/summary',
    guard: 'filtered',
    ok: 200,
    call: (c, h, f) =>
      c
        .get(`${base}/portfolios/${f.portfolioId}/summary`)
        .set('Authorization', h),
  },
  {
    name: 'POST /releases',
    guard: 'create',
    ok: 201,
    call: (c, h) =>
      c
        .post(`${base}/releases`)
        .set('Authorization', h)
        .send({ title: 'Matrix', type: 'minor', requester: MANAGER }),
  },
  {
    name: 'GET /releases/:id',
    guard: 'release',
    ok: 200,
    call: (c, h, _f, t) =>
      c.get(`${base}/releases/${t.id}`).set('Authorization', h),
  },
  {
    name: 'GET /releases/:id/history',
    guard: 'release',
    ok: 200,
    call: (c, h, _f, t) =>
      c.get(`${base}/releases/${t.id}/history`).set('Authorization', h),
  },
  {
    name: 'GET /releases/:id/impact',
    guard: 'release',
    ok: 200,
    call: (c, h, _f, t) =>
      c.get(`${base}/releases/${t.id}/impact`).set('Authorization', h),
  },
  {
    name: 'GET /releases/:id/conflicts',
    guard: 'release',
    ok: 200,
    call: (c, h, _f, t) =>
      c.get(`${base}/releases/${t.id}/conflicts`).set('Authorization', h),
  },
  {
    name: 'PATCH /releases/:id',
    guard: 'release',
    ok: 200,
    call: async (c, h, _f, t, versionOf) =>
      c
        .patch(`${base}/releases/${t.id}`)
        .set('Authorization', h)
        .send({ expectedVersion: await versionOf(t.id), versionLabel: '9.9' }),
  },
  {
    name: 'POST /releases/:id/activities',
    guard: 'release',
    ok: 201,
    call: (c, h, _f, t) =>
      c
        .post(`${base}/releases/${t.id}/activities`)
        .set('Authorization', h)
        .send({ phase: 'planning', title: 'Matrix activity' }),
  },
  {
    name: 'PATCH /releases/:id/activities/:activityId',
    guard: 'release',
    ok: 200,
    call: (c, h, _f, t) =>
      c
        .patch(`${base}/releases/${t.id}/activities/${t.activityIds[0]}`)
        .set('Authorization', h)
        .send({ expectedVersion: 1, title: 'Renamed' }),
  },
  {
    name: 'DELETE /releases/:id/activities/:activityId',
    guard: 'release',
    ok: 204,
    call: (c, h, _f, t) =>
      c
        .delete(`${base}/releases/${t.id}/activities/${t.activityIds[1]}`)
        .set('Authorization', h),
  },
  {
    name: 'POST /releases/:id/relations',
    guard: 'release',
    ok: 201,
    call: (c, h, _f, t) =>
      c
        .post(`${base}/releases/${t.id}/relations`)
        .set('Authorization', h)
        .send({ kind: 'problem', key: 'PRB-9', title: 'Slow checkout' }),
  },
  {
    name: 'DELETE /releases/:id/relations/:relationId',
    guard: 'release',
    ok: 204,
    call: (c, h, _f, t) =>
      c
        .delete(`${base}/releases/${t.id}/relations/${t.ciRelationId}`)
        .set('Authorization', h),
  },
  {
    name: 'POST /releases/:id/media',
    guard: 'release',
    ok: 201,
    call: (c, h, _f, t) =>
      c
        .post(`${base}/releases/${t.id}/media`)
        .set('Authorization', h)
        .send({ name: 'orders.tar.gz' }),
  },
  {
    name: 'DELETE /releases/:id/media/:mediaId',
    guard: 'release',
    ok: 204,
    call: (c, h, _f, t) =>
      c
        .delete(`${base}/releases/${t.id}/media/${t.mediaId}`)
        .set('Authorization', h),
  },
  {
    name: 'POST /releases/:id/transitions',
    guard: 'release',
    ok: 200,
    call: async (c, h, _f, t, versionOf) =>
      c
        .post(`${base}/releases/${t.id}/transitions`)
        .set('Authorization', h)
        .send({ action: 'plan', expectedVersion: await versionOf(t.id) }),
  },
  {
    // Allowed callers reach the round, which a release in planning does not
    // have: a 409. Refused ones get 403 before it.
    name: 'POST /releases/:id/approvals',
    guard: 'release',
    ok: 409,
    call: async (c, h, _f, t, versionOf) =>
      c
        .post(`${base}/releases/${t.id}/approvals`)
        .set('Authorization', h)
        .send({ decision: 'approved', expectedVersion: await versionOf(t.id) }),
  },
  {
    name: 'POST /justifications',
    guard: 'catalogue',
    ok: 201,
    call: (c, h) =>
      c
        .post(`${base}/justifications`)
        .set('Authorization', h)
        .send({ name: `Matrix ${Math.random()}`, appliesTo: ['cancel'] }),
  },
  {
    name: 'PATCH /justifications/:id',
    guard: 'catalogue',
    ok: 200,
    call: (c, h, f) =>
      c
        .patch(`${base}/justifications/${f.justificationId}`)
        .set('Authorization', h)
        .send({ description: 'Reworded' }),
  },
  {
    name: 'POST /portfolios',
    guard: 'catalogue',
    ok: 201,
    call: (c, h) =>
      c
        .post(`${base}/portfolios`)
        .set('Authorization', h)
        .send({ name: `Matrix ${Math.random()}` }),
  },
  {
    name: 'PATCH /portfolios/:id',
    guard: 'catalogue',
    ok: 200,
    call: (c, h, f) =>
      c
        .patch(`${base}/portfolios/${f.portfolioId}`)
        .set('Authorization', h)
        .send({ description: 'Reworded' }),
  },
  {
    name: 'POST /portfolios/:id/models',
    guard: 'catalogue',
    ok: 201,
    call: (c, h, f) =>
      c
        .post(`${base}/portfolios/${f.portfolioId}/models`)
        .set('Authorization', h)
        .send({ name: `Matrix ${Math.random()}` }),
  },
  {
    name: 'PATCH /portfolios/:id/models/:modelId',
    guard: 'catalogue',
    ok: 200,
    call: (c, h, f) =>
      c
        .patch(`${base}/portfolios/${f.portfolioId}/models/${f.modelId}`)
        .set('Authorization', h)
        .send({ category: 'reworded' }),
  },
];

const allow: PolicyDecision = { result: AuthorizeResult.ALLOW };
const deny: PolicyDecision = { result: AuthorizeResult.DENY };
const releasePermissions = [
  'release.read',
  'release.update',
  'release.transition',
  'release.authorize',
  'release.approve',
  'release.override',
];

type Caller = {
  name: string;
  header: string;
  policy: TestPolicy;
  /** What the caller gets from an endpoint with this guard, on `target`. */
  expect: (guard: Guard, ok: number, target: 'managed' | 'hidden') => number;
};

const callers: Caller[] = [
  {
    name: 'no credentials',
    header: mockCredentials.none.header(),
    policy: () => allow,
    expect: guard => (guard === 'public' ? 200 : 401),
  },
  {
    name: 'a user the policy allows',
    header: mockCredentials.user.header('user:default/bruno.lima'),
    policy: () => allow,
    expect: (_guard, ok) => ok,
  },
  {
    name: 'a user the policy denies',
    header: mockCredentials.user.header('user:default/bruno.lima'),
    policy: () => deny,
    expect: (guard, ok) =>
      ['public', 'signed-in', 'filtered'].includes(guard) ? ok : 403,
  },
  {
    name: `a user allowed only on releases ${MANAGER} manages`,
    header: mockCredentials.user.header('user:default/bruno.lima'),
    policy: permission =>
      releasePermissions.includes(permission.name)
        ? managerOnly(MANAGER)
        : allow,
    expect: (guard, ok, target) =>
      guard === 'release' && target === 'hidden' ? 403 : ok,
  },
  {
    name: 'a service the policy allows',
    header: mockCredentials.service.header(),
    policy: () => allow,
    expect: (_guard, ok) => ok,
  },
];

const countedTables = [
  'releases',
  'release_history',
  'release_activities',
  'release_ci_relations',
  'release_external_relations',
  'release_media',
  'release_portfolios',
  'release_models',
  'release_justifications',
  'release_approvals',
];

async function rowCounts(knex: Knex) {
  const counts: Record<string, number> = {};
  for (const table of countedTables) {
    const row = await knex(table).count({ n: '*' }).first();
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

async function seedRelease(
  admin: ReleaseApi,
  title: string,
  manager: string,
  portfolioId: string,
): Promise<SeededRelease> {
  const { body } = await admin
    .post(`${base}/releases`)
    .send({ title, type: 'minor', manager, portfolioId, ...nextWeekWindow() })
    .expect(201);
  const activityIds: string[] = [];
  for (const name of ['Scope', 'Rollback plan']) {
    const activity = await admin
      .post(`${base}/releases/${body.id}/activities`)
      .send({ phase: 'planning', title: name })
      .expect(201);
    activityIds.push(activity.body.id);
  }
  const ci = await admin
    .post(`${base}/releases/${body.id}/relations`)
    .send({
      kind: 'ci',
      entityRef: 'component:default/orders-service',
      role: 'updated',
    })
    .expect(201);
  const media = await admin
    .post(`${base}/releases/${body.id}/media`)
    .send({ name: 'orders-service.tar.gz' })
    .expect(201);
  return {
    id: body.id,
    number: body.number,
    activityIds: activityIds as [string, string],
    ciRelationId: ci.body.id,
    mediaId: media.body.id,
  };
}

async function seed(admin: ReleaseApi): Promise<Fixture> {
  const portfolio = await admin
    .post(`${base}/portfolios`)
    .send({ name: 'Matrix portfolio' })
    .expect(201);
  const model = await admin
    .post(`${base}/portfolios/${portfolio.body.id}/models`)
    .send({ name: 'Matrix model' })
    .expect(201);
  const justification = await admin
    .post(`${base}/justifications`)
    .send({ name: 'Matrix reason', appliesTo: ['suspend'] })
    .expect(201);
  return {
    managed: await seedRelease(
      admin,
      'Managed by Ana',
      MANAGER,
      portfolio.body.id,
    ),
    hidden: await seedRelease(
      admin,
      'Managed by Carla',
      'user:default/carla.mendes',
      portfolio.body.id,
    ),
    portfolioId: portfolio.body.id,
    modelId: model.body.id,
    justificationId: justification.body.id,
  };
}

describe.each(databases.eachSupportedId())(
  'the authorization matrix on %p',
  databaseId => {
    it.each(callers)('$name', async caller => {
      const knex = await databases.init(databaseId);
      const admin = await startReleaseBackend(knex, {
        permission: AuthorizeResult.ALLOW,
      });
      const client = await startReleaseBackend(knex, { policy: caller.policy });
      const fixture = await seed(admin);
      const versionOf = async (id: string) =>
        (await admin.get(`${base}/releases/${id}`).expect(200)).body.version;

      const outcomes: string[] = [];
      const expected: string[] = [];
      const leaks: string[] = [];
      for (const endpoint of endpoints) {
        const targets: Array<'managed' | 'hidden'> =
          endpoint.guard === 'release' ? ['managed', 'hidden'] : ['managed'];
        for (const target of targets) {
          const before = JSON.stringify(await rowCounts(knex));
          const response = await endpoint.call(
            client,
            caller.header,
            fixture,
            fixture[target],
            versionOf,
          );
          const label = `${endpoint.name} on the ${target} release`;
          outcomes.push(`${label}: ${response.status}`);
          expected.push(
            `${label}: ${caller.expect(endpoint.guard, endpoint.ok, target)}`,
          );
          // A refusal writes nothing, anywhere.
          const after = JSON.stringify(await rowCounts(knex));
          if (response.status >= 400 && after !== before) {
            leaks.push(
              `${label} was refused but wrote ${after} (was ${before})`,
            );
          }
          // Lists, counts and the CSV hold only releases the caller may read.
          const text = `${JSON.stringify(response.body)}${response.text ?? ''}`;
          for (const which of ['managed', 'hidden'] as const) {
            const mayRead = caller.expect('release', 200, which) < 400;
            if (
              endpoint.guard === 'filtered' &&
              !mayRead &&
              text.includes(fixture[which].number)
            ) {
              leaks.push(`${label} shows the ${which} release`);
            }
          }
        }
      }
      expect(outcomes).toEqual(expected);
      expect(leaks).toEqual([]);
    });

    it("counts a manager-only reader's desktop in SQL", async () => {
      const knex = await databases.init(databaseId);
      const admin = await startReleaseBackend(knex, {
        permission: AuthorizeResult.ALLOW,
      });
      const fixture = await seed(admin);
      const reader = await startReleaseBackend(knex, {
        policy: callers[3].policy,
      });
      const { body } = await reader.get(`${base}/releases`).expect(200);
      expect(body.items.map((r: any) => r.number)).toEqual([
        fixture.managed.number,
      ]);
      expect(body.totalCount).toBe(1);
      expect(body.countsByStatus).toEqual({ registered: 1 });
    });
  },
);
